using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LowCode.Runtime.Scripting;

/// <summary>
/// Sizes a script asks for up front (array lengths, capacities, repeat counts, pad widths) pass through
/// <c>Size(n)</c>, so a huge one fails before it is allocated rather than after.
/// </summary>
internal sealed partial class ScriptBudgetRewriter
{
    private static readonly HashSet<string> SizeParameters = ["count", "capacity", "repeatCount", "totalWidth", "minimumCapacity"];
    private static readonly HashSet<string> SizingMethods = ["Repeat", "Range", "PadLeft", "PadRight", "Append", "Insert", "EnsureCapacity"];

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

    /// <summary>Size arguments, and the sequences a LINQ call reads (see the Queries part).</summary>
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
}
