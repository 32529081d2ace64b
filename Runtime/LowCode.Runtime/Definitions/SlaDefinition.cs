namespace LowCode.Runtime.Definitions;

/// <summary>
/// Service levels of a ticket type: per priority, how soon someone must first respond and how soon the
/// ticket must be resolved, counted in business time on <see cref="Calendar"/> (the flow's calendar
/// when null), and what happens as each clock runs down. Clocks pause while the ticket waits on the
/// requester or an outside party (a step assigned to the requester, an http call, a sub-ticket, or a
/// step marked <c>pausesSla</c>) and resume when the work comes back.
/// </summary>
public sealed record SlaDefinition
{
    public string? Calendar { get; init; }
    public List<SlaPolicy> Policies { get; init; } = [];

    public SlaPolicy? For(string priority) => Policies.Find(p => p is not null && p.Priority == priority);
}

/// <summary>Targets for one priority (e.g. P1: respond in 30 business minutes, resolve in 4 business hours).</summary>
public sealed record SlaPolicy(string Priority)
{
    public Duration? FirstResponse { get; init; }
    public Duration? Resolution { get; init; }

    /// <summary>Warnings and breach actions at percentages of a target (e.g. 50, 75, 100). A breach at 100 % is always recorded.</summary>
    public List<SlaThreshold> Thresholds { get; init; } = [];

    public Duration? Target(SlaClockKind kind) => kind == SlaClockKind.FirstResponse ? FirstResponse : Resolution;
}

/// <summary>
/// At <see cref="Percent"/> of a target (of one clock, or of both when <see cref="Clock"/> is null): notify,
/// reassign or raise priority, and optionally move the work along <see cref="Port"/> — every open step
/// with a connection leaving by that port is left by it.
/// </summary>
public sealed record SlaThreshold(int Percent)
{
    public SlaClockKind? Clock { get; init; }
    public List<EscalationAction> Actions { get; init; } = [];
    public string? Port { get; init; }

    public bool Applies(SlaClockKind clock) => Clock is null || Clock == clock;
}

public enum SlaClockKind { FirstResponse, Resolution }
