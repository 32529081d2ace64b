using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// The canvas's edits as pure functions from one ticket type to the next: add a step, connect, delete, move.
/// The working copy is immutable, so each returns a new definition (or the same one when the edit does nothing),
/// which the canvas hands to <c>DesignerSession.Apply</c> as one undoable step.
/// </summary>
public static class FlowEdits
{
    /// <summary>Adds a step of <paramref name="kind"/> at <paramref name="at"/> with a fresh id and a numbered default name.</summary>
    public static (TicketTypeDefinition Definition, string Id) AddNode(TicketTypeDefinition definition, string kind, Position at)
    {
        var entry = NodePalette.Of(kind);
        var workflow = definition.Workflow;
        var n = NodeIds.NextNumber(workflow, kind);
        var node = entry.Create(kind + n, $"{entry.DefaultName} {n}");
        return (WithNodes(definition, [.. workflow.Nodes, node], workflow.Connections, WithPositions(workflow.Layout, new Dictionary<string, Position> { [node.Id] = at })), node.Id);
    }

    /// <summary>
    /// Connects an outcome port of one step to another step. A port that does not fan out leaves to one place only,
    /// so connecting it again moves its connection (keeping its label) instead of adding a second one.
    /// Nothing changes when a step is missing, the port is not one of the source's outcomes, or the link exists.
    /// </summary>
    public static TicketTypeDefinition Connect(TicketTypeDefinition definition, string sourceNode, string port, string targetNode)
    {
        var workflow = definition.Workflow;
        if (workflow.FindNode(sourceNode) is not { } source || workflow.FindNode(targetNode) is null || sourceNode == targetNode) return definition;
        if (!source.OutcomePorts().Contains(port)) return definition;
        var connections = workflow.Connections;
        if (connections.Any(c => c.Source.Node == sourceNode && c.Source.Port == port && c.Target.Node == targetNode)) return definition;

        var existing = source.FansOut ? -1 : connections.FindIndex(c => c.Source.Node == sourceNode && c.Source.Port == port);
        List<Connection> next = [.. connections];
        if (existing >= 0) next[existing] = connections[existing] with { Target = new Endpoint(targetNode) };
        else next.Add(new Connection(new Endpoint(sourceNode, port), new Endpoint(targetNode)));
        return WithNodes(definition, workflow.Nodes, next, workflow.Layout);
    }

    /// <summary>Deletes steps (with every connection to or from them and their positions) and connections by index.</summary>
    public static TicketTypeDefinition Delete(TicketTypeDefinition definition, IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<int> connectionIndexes)
    {
        if (nodeIds.Count == 0 && connectionIndexes.Count == 0) return definition;
        var workflow = definition.Workflow;
        var gone = nodeIds.ToHashSet();
        var nodes = workflow.Nodes.Where(n => !gone.Contains(n.Id)).ToList();
        var connections = workflow.Connections
            .Where((c, i) => !connectionIndexes.Contains(i) && !gone.Contains(c.Source.Node) && !gone.Contains(c.Target.Node))
            .ToList();
        var layout = workflow.Layout with { Nodes = workflow.Layout.Nodes.Where(p => !gone.Contains(p.Key)).ToDictionary() };
        return WithNodes(definition, nodes, connections, layout);
    }

    /// <summary>Writes positions into the layout (a drag, or an auto-layout); nothing else changes.</summary>
    public static TicketTypeDefinition Move(TicketTypeDefinition definition, IReadOnlyDictionary<string, Position> positions)
    {
        var layout = definition.Workflow.Layout;
        var moved = positions.Where(p => !layout.Nodes.TryGetValue(p.Key, out var was) || was != p.Value).ToList();
        if (moved.Count == 0) return definition;
        return definition with { Workflow = definition.Workflow with { Layout = WithPositions(layout, moved.ToDictionary()) } };
    }

    internal static TicketTypeDefinition WithNodes(TicketTypeDefinition definition, List<Node> nodes, List<Connection> connections, DesignerLayout layout) =>
        definition with { Workflow = definition.Workflow with { Nodes = nodes, Connections = connections, Layout = layout } };

    internal static DesignerLayout WithPositions(DesignerLayout layout, IReadOnlyDictionary<string, Position> positions)
    {
        var next = new Dictionary<string, Position>(layout.Nodes);
        foreach (var (id, at) in positions) next[id] = at;
        return layout with { Nodes = next };
    }
}
