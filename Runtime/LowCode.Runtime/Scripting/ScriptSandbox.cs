using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Refuses what a script must not do, by walking the analyst's statements: language features by keyword or
/// syntax (typeof, goto, unsafe, pointers, attributes, ...), and every name, call, object creation and
/// indexer by the symbol the compiler bound it to, against <see cref="ScriptAllowlist"/>.
/// (<c>finally</c> is refused because a finally block that throws while a deep recursion unwinds
/// nests exception dispatch on an almost full stack; scripts have nothing to release anyway.)
/// </summary>
internal static class ScriptSandbox
{
    private static readonly Dictionary<SyntaxKind, string> ForbiddenKeywords = new()
    {
        [SyntaxKind.TypeOfKeyword] = "typeof", [SyntaxKind.GotoKeyword] = "goto", [SyntaxKind.UnsafeKeyword] = "unsafe",
        [SyntaxKind.FixedKeyword] = "fixed", [SyntaxKind.StackAllocKeyword] = "stackalloc", [SyntaxKind.ExternKeyword] = "extern",
        [SyntaxKind.LockKeyword] = "lock", [SyntaxKind.FinallyKeyword] = "finally", [SyntaxKind.AsyncKeyword] = "async", [SyntaxKind.AwaitKeyword] = "await",
        [SyntaxKind.ArgListKeyword] = "__arglist", [SyntaxKind.MakeRefKeyword] = "__makeref",
        [SyntaxKind.RefTypeKeyword] = "__reftype", [SyntaxKind.RefValueKeyword] = "__refvalue",
    };

    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    public static List<ScriptDiagnostic> Check(BlockSyntax body, SemanticModel model)
    {
        var errors = new List<ScriptDiagnostic>();
        foreach (var token in body.DescendantTokens())
        {
            if (ForbiddenKeywords.TryGetValue(token.Kind(), out var keyword))
                errors.Add(ScriptDiagnostics.At(token.GetLocation(), $"{keyword} is not allowed in scripts", keyword));
            else if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.StartsWith("__", StringComparison.Ordinal))
                errors.Add(ScriptDiagnostics.At(token.GetLocation(), $"Names starting with __ are reserved ({token.ValueText})", token.ValueText));
        }
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AttributeListSyntax:
                    errors.Add(ScriptDiagnostics.At(node, "Attributes are not allowed in scripts", "attribute"));
                    break;
                case PointerTypeSyntax or FunctionPointerTypeSyntax:
                    errors.Add(ScriptDiagnostics.At(node, "Pointers are not allowed in scripts", "pointer"));
                    break;
                case ArrayRankSpecifierSyntax { Rank: > 1 }:
                    errors.Add(ScriptDiagnostics.At(node, "Multi-dimensional arrays are not allowed in scripts; use arrays of arrays or lists", "[,]"));
                    break;
                case SimpleNameSyntax name:
                    CheckName(name, model, errors);
                    break;
                case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax } call
                    when model.GetSymbolInfo(call).Symbol is { } linq && ScriptBudgetRewriter.IsLinq(linq):
                    errors.Add(ScriptDiagnostics.At(node, $"{Display(linq)} cannot be called with ?. in scripts; check for null first", Display(linq)));
                    break;
                case InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or SelectOrGroupClauseSyntax or OrderingSyntax:
                    CheckSymbol(node, model.GetSymbolInfo(node).Symbol, errors);
                    break;
                case QueryClauseSyntax clause:
                    var info = model.GetQueryClauseInfo(clause);
                    CheckSymbol(node, info.CastInfo.Symbol, errors);
                    CheckSymbol(node, info.OperationInfo.Symbol, errors);
                    break;
            }
        }
        return errors.DistinctBy(e => (e.Symbol, e.Line)).ToList();
    }

    private static void CheckName(SimpleNameSyntax name, SemanticModel model, List<ScriptDiagnostic> errors)
    {
        var symbol = model.GetSymbolInfo(name).Symbol;
        if (symbol is null) return;
        // In System.IO.File.ReadAllText, report the member (which names its type), not File on its own.
        if (symbol is ITypeSymbol && IsQualifier(name) && model.GetSymbolInfo(name.Parent!).Symbol is not (null or ITypeSymbol or INamespaceSymbol))
            return;
        if (ScriptBudgetRewriter.IsLinq(symbol) && !IsCalled(name))
            errors.Add(ScriptDiagnostics.At(name, $"{Display(symbol)} can only be called directly in scripts, not passed as a method group", Display(symbol)));
        else
            CheckSymbol(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name, symbol, errors);
    }

    private static void CheckSymbol(SyntaxNode node, ISymbol? symbol, List<ScriptDiagnostic> errors)
    {
        if (symbol is not null && !ScriptAllowlist.Permits(symbol))
            errors.Add(ScriptDiagnostics.At(node, $"{Display(symbol)} is not allowed in scripts", Display(symbol)));
    }

    private static bool IsQualifier(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Expression == name
        || name.Parent is QualifiedNameSyntax qualified && qualified.Left == name;

    private static bool IsCalled(SimpleNameSyntax name)
    {
        SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is MemberBindingExpressionSyntax ? name.Parent : name;
        return callee.Parent is InvocationExpressionSyntax call && call.Expression == callee;
    }

    internal static string Display(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => Display(constructor.ContainingType),
        IMethodSymbol { ReducedFrom: { } extension } => Display(extension),
        IDynamicTypeSymbol => "dynamic",
        _ => symbol.ToDisplayString(Format),
    };
}
