using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LowCode.Runtime.Scripting;

/// <summary>Lambdas and local functions start with a Tick: every call is a step, and deep recursion meets the stack check.</summary>
internal sealed partial class ScriptBudgetRewriter
{
    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var function = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        function = WithoutStatic(function, f => f.Modifiers, (f, modifiers) => f.WithModifiers(modifiers));
        if (function.Body is { } block) return function.WithBody(Ticked(block));

        // "=> e;" becomes "{ Tick(); return e; }", the arrow's and semicolon's trivia (line breaks) kept on the braces.
        var arrow = function.ExpressionBody!.ArrowToken;
        var body = Ticked(Body(function.ExpressionBody.Expression, model.GetDeclaredSymbol(node)));
        body = body.WithOpenBraceToken(body.OpenBraceToken.WithLeadingTrivia(arrow.LeadingTrivia).WithTrailingTrivia(arrow.TrailingTrivia))
            .WithCloseBraceToken(body.CloseBraceToken.WithTrailingTrivia(function.SemicolonToken.TrailingTrivia));
        return function.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Lambda(node, (AnonymousFunctionExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Lambda(node, (AnonymousFunctionExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        Lambda(node, (AnonymousFunctionExpressionSyntax)base.VisitAnonymousMethodExpression(node)!);

    private AnonymousFunctionExpressionSyntax Lambda(AnonymousFunctionExpressionSyntax node, AnonymousFunctionExpressionSyntax lambda)
    {
        var body = lambda.Block is { } block ? Ticked(block) : Ticked(Body(lambda.ExpressionBody!, model.GetSymbolInfo(node).Symbol));
        return WithoutStatic(lambda.WithExpressionBody(null).WithBlock(body), l => l.Modifiers, (l, modifiers) => l.WithModifiers(modifiers));
    }

    /// <summary>An expression body as a statement: <c>return e;</c>, <c>e;</c> for void functions, or <c>throw x;</c>.</summary>
    private static StatementSyntax Body(ExpressionSyntax expression, ISymbol? function) => expression switch
    {
        ThrowExpressionSyntax thrown => ThrowStatement(thrown.Expression),
        _ when function is IMethodSymbol { ReturnsVoid: true } => ExpressionStatement(expression),
        _ => ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken)),
    };

    /// <summary>
    /// Static lambdas and local functions cannot reach the budget, so <c>static</c> goes,
    /// its trivia (which may hold a line break) moved onto the next token.
    /// </summary>
    private static T WithoutStatic<T>(T function, Func<T, SyntaxTokenList> modifiersOf, Func<T, SyntaxTokenList, T> withModifiers)
        where T : SyntaxNode
    {
        var at = modifiersOf(function).IndexOf(SyntaxKind.StaticKeyword);
        if (at < 0) return function;
        var keyword = modifiersOf(function)[at];
        var next = keyword.GetNextToken();
        function = function.ReplaceToken(next, next.WithLeadingTrivia(keyword.LeadingTrivia.AddRange(keyword.TrailingTrivia).AddRange(next.LeadingTrivia)));
        return withModifiers(function, modifiersOf(function).RemoveAt(at));
    }
}
