using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.Dispatch;

/// <summary>
/// What dispatch decided for one task: the assignee (and the agent now holding capacity for it, if any),
/// or the queue it is offered to, whom to notify, and the decision record for the timeline.
/// </summary>
public sealed record DispatchDecision(string TaskId, string Summary, ImmutableDictionary<string, object?> Record)
{
    public string? Assignee { get; init; }
    public ImmutableArray<Participant> Offer { get; init; } = [];
    public ImmutableArray<Participant> Notify { get; init; } = [];
    /// <summary>The agent whose capacity was reserved for the task (released when the task closes or moves).</summary>
    public string? Hold { get; init; }
    /// <summary>The task leaves the person it was assigned to (they cannot hold it) and waits in <see cref="Offer"/>.</summary>
    public bool Unassign { get; init; }

    public DispatchTask ToInput(DateTimeOffset at) => new(TaskId, Summary)
    {
        Assignee = Assignee, Unassign = Unassign, Offer = Offer, Notify = Notify, Decision = Record, At = at, Actor = "dispatch",
    };
}
