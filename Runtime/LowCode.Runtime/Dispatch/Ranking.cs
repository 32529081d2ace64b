namespace LowCode.Runtime.Dispatch;

/// <summary>
/// The outcome of ranking: the agents to try first (<see cref="Ranked"/>, with room for the task),
/// those believed full (<see cref="Full"/>, worth a try only when the others refuse), and a verdict
/// for every agent of the pool — the material of the decision record.
/// </summary>
public sealed record Ranking(IReadOnlyList<RankedCandidate> Ranked, IReadOnlyList<RankedCandidate> Full, IReadOnlyList<CandidateVerdict> Verdicts)
{
    /// <summary>The skill ranked by (best skill score), as the rule's skill expression gave it.</summary>
    public string? Skill { get; init; }

    /// <summary>
    /// Agents of the pool left out before ranking because a static leading condition of the filter was false for them
    /// (<see cref="AgentPrefilter"/>): counted as filter-false, without a verdict each.
    /// </summary>
    public int PrefilteredOut { get; init; }
}
