using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>
/// The path a test run took, for the canvas: nodes passed, nodes waited at now, and connections taken (indexes
/// into the workflow's connections). The engine's timeline says which steps were entered but not by which
/// connection, so each entry is traced back: a step entered came from the most recently touched step with a
/// connection into it — a step where a token stood before the input, or one entered earlier by the same input.
/// A join is reached from every finished branch that leads into it.
/// </summary>
internal sealed class RunPath(WorkflowDefinition workflow)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly HashSet<string> _current = new(StringComparer.Ordinal);
    private readonly HashSet<int> _taken = [];

    public IReadOnlySet<string> Visited => _visited;
    public IReadOnlySet<string> Current => _current;
    public IReadOnlySet<int> Connections => _taken;

    /// <summary>Follows one input: <paramref name="from"/> are the steps tokens stood at before it (the start node for a new ticket).</summary>
    public (IReadOnlyList<string> Entered, IReadOnlyList<int> Taken) Follow(IEnumerable<string> from, IEnumerable<TimelineEntry> entries, TicketState after)
    {
        var lastTouch = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in from) { lastTouch[node] = -1; _visited.Add(node); }
        var entered = new List<string>();
        var taken = new List<int>();
        var position = 0;
        foreach (var entry in entries)
        {
            position++;
            if (entry.NodeId is not { } node) continue;
            if (IsEntry(entry.Kind, node) && !entered.Contains(node))
            {
                entered.Add(node);
                taken.AddRange(CameFrom(node, lastTouch));
            }
            lastTouch[node] = position;
            _visited.Add(node);
        }
        _current.Clear();
        foreach (var token in after.Tokens)
        {
            _current.Add(token.NodeId);
            _visited.Add(token.NodeId);
        }
        foreach (var join in workflow.Nodes.OfType<ParallelJoinNode>().Where(j => _visited.Contains(j.Id)))
            for (var i = 0; i < workflow.Connections.Count; i++)
                if (workflow.Connections[i].Target.Node == join.Id && _visited.Contains(workflow.Connections[i].Source.Node)
                    && !_current.Contains(workflow.Connections[i].Source.Node))
                    taken.Add(i);
        taken.RemoveAll(i => !_taken.Add(i));
        return (entered, taken);
    }

    /// <summary>The connections into <paramref name="node"/> from the candidate touched last (all of them when several tie).</summary>
    private IEnumerable<int> CameFrom(string node, Dictionary<string, int> lastTouch)
    {
        var best = int.MinValue;
        var found = new List<int>();
        for (var i = 0; i < workflow.Connections.Count; i++)
        {
            var connection = workflow.Connections[i];
            if (connection.Target.Node != node || !lastTouch.TryGetValue(connection.Source.Node, out var at)) continue;
            if (at > best) { best = at; found.Clear(); }
            if (at == best) found.Add(i);
        }
        return found;
    }

    /// <summary>Entries that mean a token arrived at the step (not work on a step already open: completions, escalations, dispatch).</summary>
    private bool IsEntry(TimelineKind kind, string node) => kind switch
    {
        TimelineKind.StepEntered or TimelineKind.TaskCreated or TimelineKind.TimerArmed or TimelineKind.HttpCallStarted
            or TimelineKind.ChildTicketCreated or TimelineKind.StatusChanged or TimelineKind.IncidentRaised => true,
        TimelineKind.NotificationSent => workflow.FindNode(node) is NotifyNode,
        _ => false,
    };
}
