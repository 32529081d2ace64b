using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Validation;

// Graph rules: ids, the start, connections and ports, reachability, joins.
public sealed partial class WorkflowCompiler
{
    private string? CheckNodes()
    {
        var nodes = _definition.Nodes ?? [];
        var starts = new List<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node is null) { Add(ProblemCodes.InvalidId, "A node is empty (null).", path: $"nodes[{i}]"); continue; }
            if (string.IsNullOrWhiteSpace(node.Id) || node.Id.Any(c => char.IsWhiteSpace(c) || c == ':'))
            {
                Add(ProblemCodes.InvalidId, "A node needs an id without spaces or ':'.", path: $"nodes[{i}].id");
                continue;
            }
            if (!_nodes.TryAdd(node.Id, node))
            {
                Add(ProblemCodes.Duplicate, $"Two nodes have the id '{node.Id}'.", node.Id, $"nodes[{i}].id");
                continue;
            }
            if (node is StartNode) starts.Add(node.Id);
        }
        if (starts.Count == 0) Add(ProblemCodes.MissingStart, "The flow needs a start node.");
        if (starts.Count > 1)
            foreach (var extra in starts.Skip(1))
                Add(ProblemCodes.MultipleStarts, $"The flow has {starts.Count} start nodes ({string.Join(", ", starts)}); keep exactly one.", extra);
        return starts.FirstOrDefault(); // with several starts, the graph is still checked from the first
    }

    private void CheckConnections()
    {
        var connections = _definition.Connections ?? [];
        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i < connections.Count; i++)
        {
            var c = connections[i];
            if (c?.Source is null || c.Target is null)
            {
                Add(ProblemCodes.DanglingConnection, "A connection needs both a source and a target.", connection: i, path: $"connections[{i}]");
                continue;
            }
            var sourceOk = c.Source.Node is not null && _nodes.ContainsKey(c.Source.Node);
            var targetOk = c.Target.Node is not null && _nodes.ContainsKey(c.Target.Node);
            if (!sourceOk) Add(ProblemCodes.DanglingConnection, $"The connection starts at unknown node '{c.Source.Node}'.", connection: i, path: $"connections[{i}].source");
            if (!targetOk) Add(ProblemCodes.DanglingConnection, $"The connection ends at unknown node '{c.Target.Node}'.", connection: i, path: $"connections[{i}].target");
            if (!sourceOk || !targetOk) continue;

            var source = _nodes[c.Source.Node!];
            var targetId = c.Target.Node!;
            var port = string.IsNullOrEmpty(c.Source.Port) ? Ports.Out : c.Source.Port;
            if (!source.OutcomePorts().Contains(port) && !(IsHumanStep(source) && _slaPorts.Contains(port)))
            {
                var ports = source.OutcomePorts().ToList();
                Add(ProblemCodes.UnknownPort, ports.Count == 0
                    ? $"{Describe(source)} has no outcome ports; nothing may leave it."
                    : $"{Describe(source)} has no port '{port}'. Its ports are: {string.Join(", ", ports)}.", source.Id, $"connections[{i}].source.port", i);
                continue;
            }
            if (_nodes[targetId] is StartNode)
                Add(ProblemCodes.DanglingConnection, "Nothing may lead back into the start node.", targetId, $"connections[{i}].target", i);
            if (!seen.Add((source.Id, port, targetId)))
            {
                Add(ProblemCodes.DuplicateConnection, $"Port '{port}' of {Describe(source)} is connected to '{targetId}' twice.", source.Id, $"connections[{i}]", i);
                continue;
            }
            var byPort = _targets.TryGetValue(source.Id, out var p) ? p : _targets[source.Id] = new(StringComparer.Ordinal);
            var targets = byPort.TryGetValue(port, out var t) ? t : byPort[port] = [];
            targets.Add(targetId);
            if (targets.Count == 2 && !source.FansOut)
                Add(ProblemCodes.AmbiguousPort, $"Port '{port}' of {Describe(source)} leads to more than one node ({string.Join(", ", targets)}); use a parallel split to fork.", source.Id, $"connections[{i}]", i);
        }

        foreach (var node in _nodes.Values)
            foreach (var port in node.OutcomePorts().Distinct())
            {
                if (_targets.TryGetValue(node.Id, out var byPort) && byPort.ContainsKey(port)) continue;
                if (port == Ports.Failed) continue; // optional: without it a failure raises an incident
                if (node is ConditionNode && port == Ports.Default)
                    Add(ProblemCodes.MissingDefault, $"{Describe(node)} has no default path: connect its 'default' port for when no branch matches.", node.Id, "default");
                else
                    Add(ProblemCodes.UnconnectedPort, $"Port '{port}' of {Describe(node)} leads nowhere: connect it to the next step.", node.Id, $"ports.{port}");
            }
    }

    /// <summary>Reachability, a way to an end from every node, joins matched to splits, loops that never wait.</summary>
    private Dictionary<string, (string Split, int Branches)> CheckGraph(string start)
    {
        var successors = _nodes.Keys.ToDictionary(id => id, id => Successors(id).ToList(), StringComparer.Ordinal);
        var reachable = Walk(start, id => successors[id]);
        foreach (var node in _nodes.Values.Where(n => !reachable.Contains(n.Id)))
            Add(ProblemCodes.Unreachable, $"{Describe(node)} can never be reached from the start.", node.Id);

        var predecessors = _nodes.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (from, tos) in successors) foreach (var to in tos) predecessors[to].Add(from);
        var ends = _nodes.Values.Where(n => n is EndNode).Select(n => n.Id).ToList();
        if (ends.Count == 0) Add(ProblemCodes.NoWayToEnd, "The flow has no end node: tickets could never close.");
        var canEnd = new HashSet<string>(StringComparer.Ordinal);
        foreach (var end in ends) canEnd.UnionWith(Walk(end, id => predecessors[id]));
        if (ends.Count > 0)
            foreach (var id in reachable.Where(id => !canEnd.Contains(id)))
                Add(ProblemCodes.NoWayToEnd, $"No end can be reached from {Describe(_nodes[id])}: tickets arriving here would be stuck.", id);

        var joins = MatchJoins(start, reachable, successors, predecessors);
        WarnLoopsWithoutWait(reachable, successors);
        return joins;
    }

    private IEnumerable<string> Successors(string id) =>
        _targets.TryGetValue(id, out var byPort) ? byPort.Values.SelectMany(t => t).Distinct() : [];

    private static HashSet<string> Walk(string from, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
            foreach (var n in next(stack.Pop()))
                if (seen.Add(n)) stack.Push(n);
        return seen;
    }

    /// <summary>A join matches the nearest parallel split that dominates it (every path from the start to the join passes it).</summary>
    private Dictionary<string, (string, int)> MatchJoins(string start, HashSet<string> reachable,
        Dictionary<string, List<string>> successors, Dictionary<string, List<string>> predecessors)
    {
        var result = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var joins = _nodes.Values.OfType<ParallelJoinNode>().Where(j => reachable.Contains(j.Id)).ToList();
        if (joins.Count == 0) return result;
        var idom = Dominators.Compute(start, successors, predecessors);
        foreach (var join in joins)
        {
            string? split = null;
            for (var d = idom.GetValueOrDefault(join.Id); d is not null && d != join.Id; d = d == start ? null : idom.GetValueOrDefault(d))
                if (_nodes[d] is ParallelSplitNode) { split = d; break; }
            if (split is null)
            {
                Add(ProblemCodes.JoinWithoutSplit, $"{Describe(join)} has no matching parallel split before it: every path into a join must come from the same split.", join.Id);
                continue;
            }
            var branches = successors[split].Count;
            if (join.Required is { } required && (required < 1 || required > branches))
                Add(ProblemCodes.InvalidSetting, $"{Describe(join)} waits for {required} branches but split '{split}' has {branches}.", join.Id, "required");
            result[join.Id] = (split, branches);
        }
        return result;
    }

    private void WarnLoopsWithoutWait(HashSet<string> reachable, Dictionary<string, List<string>> successors)
    {
        foreach (var component in StronglyConnected.Components(reachable, successors))
        {
            var cyclic = component.Count > 1 || successors[component[0]].Contains(component[0]);
            if (cyclic && !component.Any(id => Waits(_nodes[id])))
                Add(ProblemCodes.LoopWithoutWait,
                    $"The loop through {string.Join(" → ", component)} has no human step or timer; it will stop with an incident if it runs more than {Execution.WorkflowEngine.MaxAutomaticSteps} steps.",
                    component[0], severity: ProblemSeverity.Warning);
        }
    }

    private static bool Waits(Node node) =>
        node is UserTaskNode or ApprovalNode or TimerNode or HttpCallNode || node is SubTicketNode { Wait: true };

    private static string Describe(Node node) => $"{node.Kind} '{node.DisplayName}'";
}
