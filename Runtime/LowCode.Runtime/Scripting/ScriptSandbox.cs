using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Refuses what a script must not do, by walking the analyst's statements: language features by keyword or
/// syntax (typeof, goto, unsafe, pointers, attributes, ...), and every name, call, object creation and
/// indexer by the symbol the compiler bound it to, against <see cref="ScriptAllowlist"/>.
/// Generic local functions are refused: nesting generic instantiations in a recursion creates types that
/// are never unloaded. (<c>finally</c> is refused because a finally block that throws while a deep recursion unwinds
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

    private const int MaxAlignment = 10_000;

    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
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
                case LocalFunctionStatementSyntax { TypeParameterList: not null } function:
                    errors.Add(ScriptDiagnostics.At(function.TypeParameterList, "Generic local functions are not allowed in scripts", "generic local function"));
                    break;
                case InterpolationAlignmentClauseSyntax alignment when model.GetConstantValue(alignment.Value).Value is int width && Math.Abs((long)width) > MaxAlignment:
                    errors.Add(ScriptDiagnostics.At(alignment, $"Interpolation alignments wider than {MaxAlignment} are not allowed in scripts", "alignment"));
                    break;
                case TupleExpressionSyntax or AnonymousObjectCreationExpressionSyntax:
                    var created = model.GetTypeInfo(node);
                    CheckSymbol(node, created.Type ?? created.ConvertedType, errors);
                    break;
                case ArrayRankSpecifierSyntax { Rank: > 1 }:
                    errors.Add(ScriptDiagnostics.At(node, "Multi-dimensional arrays are not allowed in scripts; use arrays of arrays or lists", "[,]"));
                    break;
                case SimpleNameSyntax name:
                    CheckName(name, model, errors);
                    break;
                case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax } call
                    when model.GetSymbolInfo(call).Symbol is { } linq && ScriptBudgetRewriter.IsLinq(linq):
                    errors.Add(ScriptDiagnostics.At(node, $"{Display(linq)} is not allowed after ?. in scripts; check for null first", Display(linq)));
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
        if (symbol is ITypeSymbol && QualifiedMember(name) is { } member && model.GetSymbolInfo(member).Symbol is not (null or ITypeSymbol or INamespaceSymbol))
            return;
        if (ScriptBudgetRewriter.IsLinq(symbol) && !IsCalled(name))
            errors.Add(ScriptDiagnostics.At(name, $"{Display(symbol)} is not allowed as a method group in scripts; call it directly", Display(symbol)));
        else
            CheckSymbol(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name, symbol, errors);
    }

    private static void CheckSymbol(SyntaxNode node, ISymbol? symbol, List<ScriptDiagnostic> errors)
    {
        if (symbol is not null && !ScriptAllowlist.Permits(symbol))
            errors.Add(ScriptDiagnostics.At(node, $"{Display(symbol)} is not allowed in scripts", Display(symbol)));
    }

    /// <summary>The member access or qualified name that <paramref name="name"/> (with its own qualifiers) is the left side of.</summary>
    private static SyntaxNode? QualifiedMember(SimpleNameSyntax name)
    {
        SyntaxNode whole = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? name.Parent : name;
        return whole.Parent switch
        {
            MemberAccessExpressionSyntax outer when outer.Expression == whole => outer,
            QualifiedNameSyntax outer when outer.Left == whole => outer,
            _ => null,
        };
    }

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
