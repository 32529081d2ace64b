using LowCode.Designer.TicketTypes.Editing;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Canvas.Properties;

/// <summary>A port of a node was renamed (an action's key, a branch's port), or removed when <see cref="New"/> is null.</summary>
public sealed record PortChange(string Old, string? New);

/// <summary>
/// How the properties panel changes the working copy: every committed edit builds the next definition (the node
/// replaced in a new node list, a dispatch rule in a new rule list) and hands it to the session as one undoable step;
/// then the panel re-checks the copy. Connections follow their port when an action or branch is renamed, and go
/// with it when it is removed, so an edit never leaves a connection pointing at a port that is gone.
/// </summary>
public sealed class PropertyEditing(DesignerSession session, Action changed)
{
    public DesignerSession Session => session;
    public TicketTypeDefinition Definition => session.Definition;
    public WorkflowDefinition Workflow => session.Definition.Workflow;

    public void Apply(string description, TicketTypeDefinition next)
    {
        session.Apply(description, next);
        changed();
    }

    public void ReplaceNode(string description, Node next, PortChange? port = null)
    {
        var workflow = Workflow;
        var nodes = workflow.Nodes.Select(n => n.Id == next.Id ? next : n).ToList();
        var connections = port is null ? workflow.Connections : Follow(workflow.Connections, next.Id, port);
        Apply(description, Definition with { Workflow = workflow with { Nodes = nodes, Connections = connections } });
    }

    public void ReplaceConnection(string description, int index, Connection next)
    {
        var connections = Workflow.Connections.Select((c, i) => i == index ? next : c).ToList();
        Apply(description, Definition with { Workflow = Workflow with { Connections = connections } });
    }

    /// <summary>Problems the last check found at a node's property (<paramref name="nodeId"/> null: a ticket-type setting such as a dispatch rule).</summary>
    public IReadOnlyList<ValidationProblem> ProblemsAt(string? nodeId, string path) =>
        session.Problems.Where(p => p.NodeId == nodeId && p.Path == path).ToList();

    private static List<Connection> Follow(List<Connection> connections, string nodeId, PortChange change) =>
        connections
            .Where(c => change.New is not null || !(c.Source.Node == nodeId && c.Source.Port == change.Old))
            .Select(c => c.Source.Node == nodeId && c.Source.Port == change.Old ? c with { Source = c.Source with { Port = change.New! } } : c)
            .ToList();
}
