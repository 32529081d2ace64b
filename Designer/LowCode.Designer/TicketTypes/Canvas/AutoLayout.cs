using LowCode.Runtime.Definitions;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// A layered left-to-right layout of a flow. Loops (send back, rework) are set aside first: a depth-first walk from
/// the start marks the connections that go back to a step still on the walk. The rest is acyclic, so every step
/// gets the column of its longest path from the start and every forward connection points right. Within a column,
/// steps are ordered by the average row of their neighbours (barycentre), sweeping right then left a few times, which
/// untangles most crossings.
/// </summary>
public static class AutoLayout
{
    private const double Left = 40, Top = 40, ColumnGap = 100, RowGap = 40;
    private const int Sweeps = 4;

    public static Dictionary<string, Position> Compute(WorkflowDefinition workflow)
    {
        var ids = workflow.Nodes.Select(n => n.Id).ToList();
        var known = ids.ToHashSet();
        var edges = workflow.Connections
            .Where(c => known.Contains(c.Source.Node) && known.Contains(c.Target.Node) && c.Source.Node != c.Target.Node)
            .Select(c => (From: c.Source.Node, To: c.Target.Node)).Distinct().ToList();

        var (order, back) = WalkFromStart(workflow, ids, edges);
        var forward = edges.Where(e => !back.Contains(e)).ToList();
        var layers = LongestPathLayers(order, forward);
        var columns = OrderByBarycentre(order, layers, forward);
        return Place(workflow, columns);
    }

    /// <summary>Depth-first from the start steps (then from anything not reached): discovery order and the back edges.</summary>
    private static (List<string> Order, HashSet<(string, string)> Back) WalkFromStart(WorkflowDefinition workflow, List<string> ids, List<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var hasIncoming = edges.Select(e => e.To).ToHashSet();
        var roots = workflow.Nodes.Where(n => n is StartNode).Select(n => n.Id)
            .Concat(ids.Where(id => !hasIncoming.Contains(id))).Concat(ids);

        var order = new List<string>();
        var back = new HashSet<(string, string)>();
        var state = new Dictionary<string, bool>(); // false: on the walk now, true: finished
        foreach (var root in roots)
        {
            if (state.ContainsKey(root)) continue;
            var stack = new Stack<(string Id, int Next)>();
            stack.Push((root, 0));
            state[root] = false;
            order.Add(root);
            while (stack.Count > 0)
            {
                var (id, i) = stack.Pop();
                var targets = next.GetValueOrDefault(id) ?? [];
                if (i >= targets.Count) { state[id] = true; continue; }
                stack.Push((id, i + 1));
                var to = targets[i];
                if (!state.TryGetValue(to, out var finished)) { state[to] = false; order.Add(to); stack.Push((to, 0)); }
                else if (!finished) back.Add((id, to));
            }
        }
        return (order, back);
    }

    private static Dictionary<string, int> LongestPathLayers(List<string> order, List<(string From, string To)> forward)
    {
        var incoming = order.ToDictionary(id => id, _ => 0);
        foreach (var (_, to) in forward) incoming[to]++;
        var next = forward.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var layer = order.ToDictionary(id => id, _ => 0);
        var ready = new Queue<string>(order.Where(id => incoming[id] == 0));
        while (ready.TryDequeue(out var id))
            foreach (var to in next.GetValueOrDefault(id) ?? [])
            {
                layer[to] = Math.Max(layer[to], layer[id] + 1);
                if (--incoming[to] == 0) ready.Enqueue(to);
            }
        return layer;
    }

    private static List<List<string>> OrderByBarycentre(List<string> order, Dictionary<string, int> layers, List<(string From, string To)> forward)
    {
        var columns = Enumerable.Range(0, layers.Values.DefaultIfEmpty(-1).Max() + 1).Select(_ => new List<string>()).ToList();
        foreach (var id in order) columns[layers[id]].Add(id);
        var predecessors = forward.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Select(e => e.From).ToList());
        var successors = forward.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());

        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var rightward = sweep % 2 == 0;
            var neighbours = rightward ? predecessors : successors;
            var range = rightward ? Enumerable.Range(1, Math.Max(0, columns.Count - 1)) : Enumerable.Range(0, Math.Max(0, columns.Count - 1)).Reverse();
            foreach (var c in range)
            {
                var row = columns.SelectMany(col => col.Select((id, i) => (id, i))).ToDictionary(x => x.id, x => (double)x.i);
                columns[c] = columns[c]
                    .Select((id, i) => (id, Key: neighbours.TryGetValue(id, out var ns) ? ns.Average(n => row[n]) : i))
                    .OrderBy(x => x.Key).Select(x => x.id).ToList();
            }
        }
        return columns;
    }

    private static Dictionary<string, Position> Place(WorkflowDefinition workflow, List<List<string>> columns)
    {
        var positions = new Dictionary<string, Position>();
        for (var c = 0; c < columns.Count; c++)
        {
            var y = Top;
            foreach (var id in columns[c])
            {
                positions[id] = new Position(Left + c * (NodeGeometry.Width + ColumnGap), y);
                y += NodeGeometry.Height(workflow.FindNode(id)!.OutcomePorts().Count()) + RowGap;
            }
        }
        return positions;
    }
}
