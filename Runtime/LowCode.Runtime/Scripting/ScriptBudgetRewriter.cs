using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Weaves <see cref="ScriptBudget"/> calls into the analyst's (already sandbox-checked) statements:
/// <c>Check()</c> before every statement; <c>Tick()</c> first in every loop body, lambda, local function and
/// catch block; a <c>CanCatch()</c> filter on every catch; <c>Size(n)</c> around sizes asked for up front;
/// and <c>BeginQuery/QuerySource/EndQuery</c> around every LINQ call. Inserted code adds no line breaks,
/// so <c>#line</c> mapping still points at the analyst's lines.
/// </summary>
internal sealed partial class ScriptBudgetRewriter : CSharpSyntaxRewriter
{
    private static readonly SyntaxAnnotation CheckMark = new("budget-check");
    private readonly SemanticModel model;

    private ScriptBudgetRewriter(SemanticModel model) => this.model = model;

    public static SyntaxTree Rewrite(SyntaxTree tree, BlockSyntax body, SemanticModel model)
    {
        var rewritten = (BlockSyntax)new ScriptBudgetRewriter(model).Visit(body)!;
        return tree.WithRootAndOptions(tree.GetRoot().ReplaceNode(body, rewritten), tree.Options);
    }

    // Statements: a Check before each; loop bodies and catch blocks start with a Tick.

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
