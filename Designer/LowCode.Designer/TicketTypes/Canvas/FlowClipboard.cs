using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// Copied steps: the node records, the connections between them (connections to steps left behind are not
/// copied) and their positions. Pasting gives every step a fresh id and re-points the copied connections at the
/// copies, so a pasted group works on its own and never touches the originals.
/// </summary>
public sealed record FlowClipboard(IReadOnlyList<Node> Nodes, IReadOnlyList<Connection> Connections, IReadOnlyDictionary<string, Position> Positions)
{
    public bool IsEmpty => Nodes.Count == 0;

    public static FlowClipboard Copy(TicketTypeDefinition definition, IReadOnlyCollection<string> nodeIds)
    {
        var workflow = definition.Workflow;
        var ids = nodeIds.ToHashSet();
        var nodes = workflow.Nodes.Where(n => ids.Contains(n.Id)).ToList();
        var connections = workflow.Connections.Where(c => ids.Contains(c.Source.Node) && ids.Contains(c.Target.Node)).ToList();
        var positions = workflow.Layout.Nodes.Where(p => ids.Contains(p.Key)).ToDictionary();
        return new FlowClipboard(nodes, connections, positions);
    }

    /// <summary>Adds the copies, shifted by <paramref name="offset"/>; returns their new ids in the copied order.</summary>
    public (TicketTypeDefinition Definition, IReadOnlyList<string> Ids) Paste(TicketTypeDefinition definition, Position offset)
    {
        var workflow = definition.Workflow;
        var taken = workflow.Nodes.Select(n => n.Id).ToHashSet();
        var renamed = new Dictionary<string, string>();
        foreach (var node in Nodes)
        {
            var id = node.Kind + NodeIds.NextNumber(taken, node.Kind);
            taken.Add(id);
            renamed[node.Id] = id;
        }

        var copies = Nodes.Select(n => n with { Id = renamed[n.Id] }).ToList();
        var connections = Connections.Select(c => c with
        {
            Source = c.Source with { Node = renamed[c.Source.Node] },
            Target = c.Target with { Node = renamed[c.Target.Node] },
        });
        var positions = Nodes.Select((n, i) => (Id: renamed[n.Id], At: Positions.TryGetValue(n.Id, out var p) ? p : new Position(40 + i * 30, 40 + i * 30)))
            .ToDictionary(x => x.Id, x => new Position(x.At.X + offset.X, x.At.Y + offset.Y));

        var next = FlowEdits.WithNodes(definition, [.. workflow.Nodes, .. copies], [.. workflow.Connections, .. connections],
            FlowEdits.WithPositions(workflow.Layout, positions));
        return (next, copies.Select(c => c.Id).ToList());
    }
}
