using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Every LINQ call becomes <c>EndQuery(BeginQuery(), QuerySource(source).Op(...))</c>, so the budget can measure
/// the lazy query it builds (see <see cref="ScriptBudget"/>'s query part); inner <c>from</c> sources tick.
/// </summary>
internal sealed partial class ScriptBudgetRewriter
{
    /// <summary>An <c>Enumerable</c> method, called as extension or static method.</summary>
    internal static bool IsLinq(ISymbol? symbol) =>
        symbol is IMethodSymbol method && (method.ReducedFrom ?? method).ContainingType is
        { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var invocation = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        if (!IsLinq(method) || node.Expression is MemberBindingExpressionSyntax) return invocation;
        if (method!.ReducedFrom is not null && invocation.Expression is MemberAccessExpressionSyntax access)
            invocation = invocation.WithExpression(access.WithExpression(Wrap("QuerySource", access.Expression)));
        return Query(invocation);
    }

    public override SyntaxNode? VisitQueryExpression(QueryExpressionSyntax node)
    {
        var query = (QueryExpressionSyntax)base.VisitQueryExpression(node)!;
        return Query(ParenthesizedExpression(query.WithFromClause(query.FromClause.WithExpression(Wrap("QuerySource", query.FromClause.Expression)))));
    }

    /// <summary>Inner <c>from</c> sources are read once per outer item, inside the library: each read is a step.</summary>
    public override SyntaxNode? VisitQueryBody(QueryBodySyntax node)
    {
        var body = (QueryBodySyntax)base.VisitQueryBody(node)!;
        return body.WithClauses(List(body.Clauses.Select((clause, i) => clause switch
        {
            FromClauseSyntax from when model.GetTypeInfo(((FromClauseSyntax)node.Clauses[i]).Expression).Type is not null
                => from.WithExpression(Wrap("Tick", from.Expression)),
            JoinClauseSyntax join => join.WithInExpression(Wrap("QuerySource", join.InExpression)),
            _ => clause,
        })));
    }

    private static ExpressionSyntax Query(ExpressionSyntax call) => Wrap("EndQuery", Call("BeginQuery"), call);

    private static bool IsSequence(ITypeSymbol type) =>
        type.SpecialType != SpecialType.System_String
        && (type.SpecialType == SpecialType.System_Collections_IEnumerable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));
}
