using Blazor.Diagrams.Core.Geometry;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// Where to draw steps the layout has no position for: a flow without any layout (an import, a hand-written JSON)
/// gets the auto-layout; otherwise the newcomers line up below everything already placed.
/// </summary>
public static class AutoPlacement
{
    private const double Gap = 60;

    public static Dictionary<string, Point> For(WorkflowDefinition workflow, IReadOnlyList<Node> unplaced, IEnumerable<FlowNodeModel> drawn)
    {
        if (unplaced.Count == 0) return [];
        var drawnList = drawn.ToList();
        if (workflow.Layout.Nodes.Count == 0 && drawnList.Count == 0)
            return AutoLayout.Compute(workflow).ToDictionary(p => p.Key, p => new Point(p.Value.X, p.Value.Y));

        var bottoms = workflow.Layout.Nodes.Values.Select(p => p.Y + NodeGeometry.Height(1))
            .Concat(drawnList.Select(m => m.Position.Y + (m.Size?.Height ?? 0)));
        var top = bottoms.DefaultIfEmpty(0).Max() + Gap;
        return unplaced.Select((n, i) => (n.Id, At: new Point(40 + i * (NodeGeometry.Width + Gap), top))).ToDictionary(x => x.Id, x => x.At);
    }
}
