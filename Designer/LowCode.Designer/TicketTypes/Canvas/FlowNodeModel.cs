using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// One step of the flow on the canvas: the node record it draws (kept whole, so nothing is lost when the diagram
/// is read back), what its widget shows, an input port and one port per outcome. Its id is the step's id.
/// </summary>
public sealed class FlowNodeModel : NodeModel
{
    private readonly List<FlowPortModel> _outcomes = [];

    public FlowNodeModel(Node step, NodeView view, IReadOnlyList<OutcomePort> outcomes, Point position, bool placed)
        : base(step.Id, position)
    {
        Step = step;
        View = view;
        Placed = placed;
        ControlledSize = true; // sized by NodeGeometry, not measured by the browser
        Size = new Size(NodeGeometry.Width, NodeGeometry.Height(outcomes.Count));
        Input = (FlowPortModel)AddPort(new FlowPortModel(this, LowCode.Runtime.Definitions.Ports.In, isInput: true, isStale: false));
        foreach (var outcome in outcomes)
            _outcomes.Add((FlowPortModel)AddPort(new FlowPortModel(this, outcome.Name, isInput: false, outcome.Stale)));
        PlacePorts();
    }

    public Node Step { get; set; }
    public NodeView View { get; set; }

    /// <summary>The position is the analyst's (from the layout or moved by hand), not one the canvas made up.</summary>
    public bool Placed { get; set; }

    public FlowPortModel Input { get; }
    public IReadOnlyList<FlowPortModel> Outcomes => _outcomes;

    public IEnumerable<OutcomePort> OutcomeNames => _outcomes.Select(p => new OutcomePort(p.Name, p.IsStale));

    public FlowPortModel? Outcome(string name) => _outcomes.Find(p => p.Name == name);

    /// <summary>Top-left of a port relative to the node, for the widget to draw it where the links expect it.</summary>
    public Point Offset(FlowPortModel port) => new(port.Position.X - Position.X, port.Position.Y - Position.Y);

    private void PlacePorts()
    {
        var height = Size!.Height;
        var input = NodeGeometry.InputPort(height);
        Input.Position = new Point(Position.X + input.X, Position.Y + input.Y);
        for (var i = 0; i < _outcomes.Count; i++)
        {
            var at = NodeGeometry.OutcomePort(i, _outcomes.Count, height);
            _outcomes[i].Position = new Point(Position.X + at.X, Position.Y + at.Y);
        }
    }
}

/// <summary>An outcome port by name; stale when only a connection still names it.</summary>
public sealed record OutcomePort(string Name, bool Stale = false);

/// <summary>What a step's widget shows; compared by value so only steps whose look changed re-render.</summary>
public sealed record NodeView(string Kind, string Name, string? Assignee, string? Timing, bool HasProblem, RunMark Run);

/// <summary>How a test run marks a step.</summary>
public enum RunMark { None, Visited, Current }
