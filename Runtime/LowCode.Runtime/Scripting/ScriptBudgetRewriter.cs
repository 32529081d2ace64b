using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Weaves <see cref="ScriptBudget"/> calls into the analyst's (already sandbox-checked) statements:
/// <c>Check()</c> before every statement; <c>Tick()</c> first in every loop body, lambda, local function and
/// catch block; a <c>CanCatch()</c> filter on every catch; <c>Size(n)</c> around array lengths and capacity/count arguments; and
/// <c>BeginQuery/QuerySource/EndQuery</c> around every LINQ call. Inserted code adds no line breaks, so
/// <c>#line</c> mapping still points at the analyst's lines.
/// </summary>
internal sealed class ScriptBudgetRewriter(SemanticModel model) : CSharpSyntaxRewriter
{
    private static readonly SyntaxAnnotation CheckMark = new("budget-check");
    private static readonly HashSet<string> SizeParameters = ["count", "capacity", "repeatCount", "totalWidth", "minimumCapacity"];
    private static readonly HashSet<string> SizingMethods = ["Repeat", "Range", "PadLeft", "PadRight", "Append", "Insert", "EnsureCapacity"];

    public static SyntaxTree Rewrite(SyntaxTree tree, BlockSyntax body, SemanticModel model)
    {
        var rewritten = (BlockSyntax)new ScriptBudgetRewriter(model).Visit(body)!;
        return tree.WithRootAndOptions(tree.GetRoot().ReplaceNode(body, rewritten), tree.Options);
    }

    /// <summary>An <c>Enumerable</c> method, called as extension or static method.</summary>
    internal static bool IsLinq(ISymbol? symbol) =>
        symbol is IMethodSymbol method && (method.ReducedFrom ?? method).ContainingType is
        { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    // Statements

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var block = (BlockSyntax)base.VisitBlock(node)!;
        return block.WithStatements(WithChecks(block.Statements));
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        var section = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        return section.WithStatements(WithChecks(section.Statements));
    }

    public override SyntaxNode? VisitIfStatement(IfStatementSyntax node)
    {
        var statement = (IfStatementSyntax)base.VisitIfStatement(node)!;
        return statement.WithStatement(AsBlock(statement.Statement));
    }

    public override SyntaxNode? VisitElseClause(ElseClauseSyntax node)
    {
        var clause = (ElseClauseSyntax)base.VisitElseClause(node)!;
        return clause.WithStatement(AsBlock(clause.Statement));
    }

    public override SyntaxNode? VisitUsingStatement(UsingStatementSyntax node)
    {
        var statement = (UsingStatementSyntax)base.VisitUsingStatement(node)!;
        return statement.WithStatement(AsBlock(statement.Statement));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var loop = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return loop.WithStatement(Ticked(loop.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var loop = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return loop.WithStatement(Ticked(loop.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var loop = (ForStatementSyntax)base.VisitForStatement(node)!;
        return loop.WithStatement(Ticked(loop.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var loop = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return loop.WithStatement(Ticked(loop.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var loop = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return loop.WithStatement(Ticked(loop.Statement));
    }

    /// <summary>
    /// Every catch gets the filter <c>when (CanCatch())</c>: once a bound is broken nothing in the script catches,
    /// so the exception leaves at once instead of re-entering handlers on top of a deep stack.
    /// </summary>
    public override SyntaxNode? VisitCatchClause(CatchClauseSyntax node)
    {
        var clause = (CatchClauseSyntax)base.VisitCatchClause(node)!;
        var canCatch = Call("CanCatch");
        var filter = clause.Filter is { } own
            ? own.WithFilterExpression(BinaryExpression(SyntaxKind.LogicalAndExpression, canCatch, ParenthesizedExpression(own.FilterExpression)))
            : CatchFilterClause(canCatch);
        return clause.WithFilter(filter).WithBlock(Ticked(clause.Block));
    }

    // Functions: every call is a step, and deep recursion is caught by the stack check in Tick.

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

    // Sizes

    public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
    {
        var creation = (ArrayCreationExpressionSyntax)base.VisitArrayCreationExpression(node)!;
        if (creation.Initializer is not null) return creation; // the length must stay a constant there
        var ranks = creation.Type.RankSpecifiers;
        var sized = ranks[0].WithSizes(SeparatedList(
            ranks[0].Sizes.Select(size => size is OmittedArraySizeExpressionSyntax ? size : Wrap("Size", size)), ranks[0].Sizes.GetSeparators()));
        return creation.WithType(creation.Type.WithRankSpecifiers(ranks.Replace(ranks[0], sized)));
    }

    public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        var assignment = (AssignmentExpressionSyntax)base.VisitAssignmentExpression(node)!;
        var target = model.GetSymbolInfo(node.Left).Symbol;
        return node.IsKind(SyntaxKind.SimpleAssignmentExpression)
               && target is IPropertySymbol { Name: "Capacity" or "Length", IsReadOnly: false, Type.SpecialType: SpecialType.System_Int32 } property
               && !property.Locations.Any(l => l.IsInSource)
            ? assignment.WithRight(Wrap("Size", assignment.Right))
            : assignment;
    }

    public override SyntaxNode? VisitArgument(ArgumentSyntax node)
    {
        var argument = (ArgumentSyntax)base.VisitArgument(node)!;
        if (!node.RefKindKeyword.IsKind(SyntaxKind.None) || model.GetTypeInfo(node.Expression).Type is null
            || (model.GetOperation(node) as IArgumentOperation)?.Parameter is not { } parameter)
            return argument;
        if (IsLinq(parameter.ContainingSymbol) && IsSequence(parameter.Type)) return argument.WithExpression(Wrap("QuerySource", argument.Expression));
        if (IsSizeParameter(parameter)) return argument.WithExpression(Wrap("Size", argument.Expression));
        return argument;
    }

    private static bool IsSizeParameter(IParameterSymbol parameter) =>
        parameter.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 && SizeParameters.Contains(parameter.Name)
        && parameter.ContainingSymbol is IMethodSymbol method && !method.Locations.Any(l => l.IsInSource)
        && (method.MethodKind == MethodKind.Constructor || SizingMethods.Contains(method.Name));

    private static bool IsSequence(ITypeSymbol type) =>
        type.SpecialType != SpecialType.System_String
        && (type.SpecialType == SpecialType.System_Collections_IEnumerable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    // LINQ

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

    // Building blocks

    private static SyntaxList<StatementSyntax> WithChecks(SyntaxList<StatementSyntax> statements) =>
        List(statements.SelectMany(statement => statement is LocalFunctionStatementSyntax
            ? [statement]
            : new[] { CheckStatement(statement.GetLeadingTrivia()), statement.WithoutLeadingTrivia() }));

    private static BlockSyntax AsBlock(StatementSyntax statement) => statement as BlockSyntax ?? Block(WithChecks([statement]));

    /// <summary>A block whose first statement is <c>Tick()</c> (which checks too).</summary>
    private static BlockSyntax Ticked(StatementSyntax statement)
    {
        var block = AsBlock(statement);
        var tick = ParseStatement($"{ScriptSource.BudgetName}.Tick();");
        return block.Statements.FirstOrDefault() is { } first && first.HasAnnotation(CheckMark)
            ? block.WithStatements(block.Statements.Replace(first, tick.WithTriviaFrom(first)))
            : block.WithStatements(block.Statements.Insert(0, tick));
    }

    private static StatementSyntax CheckStatement(SyntaxTriviaList leadingTrivia) =>
        ParseStatement($"{ScriptSource.BudgetName}.Check();").WithLeadingTrivia(leadingTrivia).WithAdditionalAnnotations(CheckMark);

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

    private static InvocationExpressionSyntax Call(string method, params ExpressionSyntax[] arguments) =>
        InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(ScriptSource.BudgetName), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments.Select(Argument))));

    /// <summary><c>__budget.Method(..., expression)</c>, keeping the expression's leading trivia outside the call.</summary>
    private static ExpressionSyntax Wrap(string method, params ExpressionSyntax[] arguments)
    {
        var last = arguments[^1];
        arguments[^1] = last.WithoutLeadingTrivia();
        return Call(method, arguments).WithLeadingTrivia(last.GetLeadingTrivia());
    }
}
