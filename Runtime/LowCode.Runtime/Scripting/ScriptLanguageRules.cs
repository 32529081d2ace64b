using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// The C# features a script may not use, found by keyword or syntax: reflection (typeof), unbounded control
/// flow (goto), raw memory (unsafe, pointers, stackalloc, __makeref), concurrency (async, await, lock),
/// attributes, and names starting with <c>__</c> (the generated plumbing's).
/// <c>finally</c> is refused because a finally block that throws while a deep recursion unwinds nests
/// exception dispatch on an almost full stack (scripts have nothing to release anyway); generic local
/// functions because recursing through them creates types that are never unloaded.
/// </summary>
internal static class ScriptLanguageRules
{
    private static readonly Dictionary<SyntaxKind, string> ForbiddenKeywords = new()
    {
        [SyntaxKind.TypeOfKeyword] = "typeof", [SyntaxKind.GotoKeyword] = "goto", [SyntaxKind.UnsafeKeyword] = "unsafe",
        [SyntaxKind.FixedKeyword] = "fixed", [SyntaxKind.StackAllocKeyword] = "stackalloc", [SyntaxKind.ExternKeyword] = "extern",
        [SyntaxKind.LockKeyword] = "lock", [SyntaxKind.FinallyKeyword] = "finally",
        [SyntaxKind.AsyncKeyword] = "async", [SyntaxKind.AwaitKeyword] = "await",
        [SyntaxKind.ArgListKeyword] = "__arglist", [SyntaxKind.MakeRefKeyword] = "__makeref",
        [SyntaxKind.RefTypeKeyword] = "__reftype", [SyntaxKind.RefValueKeyword] = "__refvalue",
    };

    /// <summary><c>$"{x,1000000000}"</c> would pad to a gigabyte in one call.</summary>
    private const int MaxAlignment = 10_000;

    public static IEnumerable<ScriptDiagnostic> Check(BlockSyntax body, SemanticModel model)
    {
        foreach (var token in body.DescendantTokens())
        {
            if (ForbiddenKeywords.TryGetValue(token.Kind(), out var keyword))
                yield return ScriptDiagnostics.At(token.GetLocation(), $"{keyword} is not allowed in scripts", keyword);
            else if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.StartsWith("__", StringComparison.Ordinal))
                yield return ScriptDiagnostics.At(token.GetLocation(), $"Names starting with __ are reserved ({token.ValueText})", token.ValueText);
        }
        foreach (var node in body.DescendantNodes())
        {
            var refused = node switch
            {
                AttributeListSyntax => ("Attributes are not allowed in scripts", "attribute"),
                PointerTypeSyntax or FunctionPointerTypeSyntax => ("Pointers are not allowed in scripts", "pointer"),
                ArrayRankSpecifierSyntax { Rank: > 1 } => ("Multi-dimensional arrays are not allowed in scripts; use arrays of arrays or lists", "[,]"),
                TypeParameterListSyntax { Parent: LocalFunctionStatementSyntax } => ("Generic local functions are not allowed in scripts", "generic local function"),
                InterpolationAlignmentClauseSyntax alignment when model.GetConstantValue(alignment.Value).Value is int width && Math.Abs((long)width) > MaxAlignment
                    => ($"Interpolation alignments wider than {MaxAlignment} are not allowed in scripts", "alignment"),
                _ => default((string Message, string Symbol)?),
            };
            if (refused is var (message, symbol)) yield return ScriptDiagnostics.At(node, message, symbol);
        }
    }
}
