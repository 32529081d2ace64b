using System.Collections.Immutable;
using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Execution;

/// <summary>
/// One SLA clock of a ticket. Counted time is banked in <see cref="Elapsed"/> whenever the clock
/// pauses; while it runs, <see cref="RunningSince"/> says since when and <see cref="DueAt"/> when the
/// target will be reached (in the policy's business calendar). <see cref="Fired"/> holds the
/// thresholds (percentages) already passed, so each warning fires once.
/// </summary>
public sealed record SlaClock(SlaClockKind Kind, string Priority, TimeSpan Target)
{
    /// <summary>Counted in the business calendar (<see cref="Calendar"/>, the flow's when null) rather than wall-clock time.</summary>
    public bool BusinessTime { get; init; }
    public string? Calendar { get; init; }
    public SlaClockStatus Status { get; init; } = SlaClockStatus.Running;
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Elapsed { get; init; }
    public DateTimeOffset? RunningSince { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public bool Breached { get; init; }
    public DateTimeOffset? BreachedAt { get; init; }
    public ImmutableArray<int> Fired { get; init; } = [];
    /// <summary>The armed timer for the next threshold, if any.</summary>
    public string? TimerId { get; init; }

    public bool IsActive => Status is SlaClockStatus.Running or SlaClockStatus.Paused;
}

/// <summary>Running, paused (waiting on the requester or an outside party), met (responded / resolved in time or late), or stopped unmet (the ticket was cancelled).</summary>
public enum SlaClockStatus { Running, Paused, Met, Stopped }
