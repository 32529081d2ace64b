using LowCode.Designer.TicketTypes.Editing;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>What the canvas marks beside the flow itself: steps with problems and the path of a test run.</summary>
public sealed record CanvasDecorations(IReadOnlySet<string> ProblemNodes, RunHighlight Run)
{
    public static readonly CanvasDecorations None = new(new HashSet<string>(), RunHighlight.None);

    public static CanvasDecorations Of(DesignerSession session) => new(
        session.Problems.Where(p => !string.IsNullOrEmpty(p.NodeId)).Select(p => p.NodeId!).ToHashSet(),
        session.Run);

    public RunMark MarkOf(string nodeId) =>
        Run.Current.Contains(nodeId) ? RunMark.Current : Run.Visited.Contains(nodeId) ? RunMark.Visited : RunMark.None;
}
