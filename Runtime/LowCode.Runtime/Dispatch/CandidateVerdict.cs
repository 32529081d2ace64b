using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Dispatch;

/// <summary>What dispatch concluded about one agent of the pool.</summary>
public enum CandidateStatus
{
    /// <summary>Passed the filter, available, with room for the task: ranked.</summary>
    Eligible,
    /// <summary>Passed the filter and available, but with no room as far as dispatch knows (tried last).</summary>
    Full,
    /// <summary>The filter was false for this agent.</summary>
    FilterFalse,
    /// <summary>The filter or score expression failed for this agent (the note says how).</summary>
    ExpressionFailed,
    /// <summary>Off duty or outside their working shift.</summary>
    OffDuty,
    /// <summary>Out of office with no delegate who could stand in.</summary>
    OutOfOffice,
    /// <summary>Out of office; their delegate stands in for them.</summary>
    Delegated,
}

/// <summary>One agent of the pool, with the filter's answer and what followed from it.</summary>
public sealed record CandidateVerdict(AgentInfo Agent, CandidateStatus Status)
{
    /// <summary>The filter's answer; null when it failed.</summary>
    public bool? PassedFilter { get; init; }

    /// <summary>The delegate who stands in (for <see cref="CandidateStatus.Delegated"/>).</summary>
    public string? Delegate { get; init; }

    /// <summary>An expression error, or why a delegate could not stand in.</summary>
    public string? Note { get; init; }
}
