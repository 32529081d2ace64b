namespace LowCode.Runtime.Definitions;

/// <summary>
/// A boundary rule on a human step: after some (business) time, or at a percentage of the
/// step's due time, if still open (and the optional condition holds) do the actions —
/// notify, reassign, raise priority — and optionally leave the step by <see cref="Port"/>.
/// </summary>
public sealed record Escalation
{
    public required string Id { get; init; }

    /// <summary>Fire this long after the step opened.</summary>
    public Duration? After { get; init; }

    /// <summary>Fire at this percentage (1-100+) of the step's due time.</summary>
    public int? AtPercentOfDue { get; init; }

    /// <summary>Optional guard expression evaluated when the escalation fires.</summary>
    public string? Condition { get; init; }

    public List<EscalationAction> Actions { get; init; } = [];

    /// <summary>When set, the step is interrupted and the token leaves by this port.</summary>
    public string? Port { get; init; }
}

public sealed record EscalationAction(EscalationActionKind Kind)
{
    /// <summary>Notify / reassign target.</summary>
    public Participant? To { get; init; }

    /// <summary>Priority to raise to (e.g. "P1") for <see cref="EscalationActionKind.RaisePriority"/>.</summary>
    public string? Priority { get; init; }

    /// <summary>Notification template text for <see cref="EscalationActionKind.Notify"/>.</summary>
    public string? Message { get; init; }

    public string Channel { get; init; } = NotifyChannels.InApp;
}

public enum EscalationActionKind { Notify, Reassign, RaisePriority }
