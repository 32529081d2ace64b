using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Refuses what a script must not touch: every name, call, object creation, indexer, tuple and query clause
/// in the analyst's statements is checked, by the symbol the compiler bound it to, against
/// <see cref="ScriptAllowlist"/>; <see cref="ScriptLanguageRules"/> covers the language features.
/// </summary>
internal static class ScriptSandbox
{
    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    public static List<ScriptDiagnostic> Check(BlockSyntax body, SemanticModel model)
    {
        var errors = ScriptLanguageRules.Check(body, model).ToList();
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case TupleExpressionSyntax or AnonymousObjectCreationExpressionSyntax:
                    var created = model.GetTypeInfo(node);
                    CheckSymbol(node, created.Type ?? created.ConvertedType, errors);
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
        if (symbol is null || ScriptAllowlist.Permits(symbol)) return;
        errors.Add(ScriptAllowlist.NestsWithoutBound(symbol)
            ? ScriptDiagnostics.At(node, $"{symbol.ToDisplayString()} is not allowed in scripts: tuples, pairs and anonymous objects holding object or an interface could nest without bound", Display(symbol))
            : ScriptDiagnostics.At(node, $"{Display(symbol)} is not allowed in scripts", Display(symbol)));
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
