namespace LowCode.Runtime.Definitions;

/// <summary>A human step: assigned by a rule, worked through a task form, left by one of its actions.</summary>
public sealed record UserTaskNode : Node
{
    public Assignment Assignment { get; init; } = new();

    /// <summary>Key of the task form shown to the assignee; null shows only the ticket.</summary>
    public string? TaskForm { get; init; }

    public List<TaskAction> Actions { get; init; } = [];

    /// <summary>Step due time; escalations at a percentage count against it.</summary>
    public Duration? Due { get; init; }

    public List<Escalation> Escalations { get; init; } = [];

    /// <summary>While the ticket waits here (on the requester or an outside party), its SLA clocks pause.</summary>
    public bool PausesSla { get; init; }

    protected override string GetKind() => NodeKinds.UserTask;

    public override IEnumerable<string> OutcomePorts() =>
        Actions.Select(a => a.Key).Concat(Escalations.Where(e => e.Port is not null).Select(e => e.Port!));
}
