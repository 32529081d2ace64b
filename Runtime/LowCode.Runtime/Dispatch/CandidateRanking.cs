using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Dispatch;

/// <summary>
/// The pure heart of dispatch: given a compiled rule, the ticket's expression scope and the pool of
/// agents (with the workload dispatch knows of), it says who may take the task and in what order.
/// No clock, no storage, no grains: the same inputs always give the same ranking.
/// <list type="number">
/// <item>The filter runs for every agent of the pool; a failing expression excludes the agent and is noted.</item>
/// <item>Availability: off duty (or outside the shift) excludes; out of office passes the task to the
/// agent's delegate when the delegate is on duty and in the office (one hop, never a chain).</item>
/// <item>Agents with room for the task's weight are ranked by the strategy (<see cref="DispatchOrder"/>);
/// those believed full are ranked the same way in a separate list.</item>
/// </list>
/// </summary>
public static class CandidateRanking
{
    public static Ranking Rank(DispatchPolicy policy, ExpressionScope scope, IEnumerable<AgentInfo> pool,
        Func<string, AgentInfo?> findAgent, int weight = 1, long rotation = 0)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(scope);
        var original = scope.Agent;
        try
        {
            var verdicts = new List<CandidateVerdict>();
            var chosen = new Dictionary<string, (AgentInfo Agent, string? OnBehalfOf)>(StringComparer.Ordinal);
            // The pool's order does not matter: candidates are ordered by a total order below, and a delegate
            // standing in for several absent agents stands in for the one with the lowest id.
            foreach (var agent in pool)
            {
                var verdict = Judge(policy, scope, agent, findAgent);
                verdicts.Add(verdict);
                if (verdict.Status == CandidateStatus.Eligible) chosen[agent.Id] = (agent, null);
                else if (verdict.Status == CandidateStatus.Delegated && findAgent(verdict.Delegate!) is { } stand
                    && (!chosen.TryGetValue(stand.Id, out var existing) || (existing.OnBehalfOf is { } other && string.CompareOrdinal(agent.Id, other) < 0)))
                    chosen[stand.Id] = (stand, agent.Id);
            }

            scope.Agent = AgentInfo.Nobody;
            var skill = policy.Strategy == DispatchStrategy.BestSkillScore && policy.Skill is { } skillExpression ? skillExpression.EvaluateText(scope) : null;
            var needed = Math.Max(1, weight);
            var (free, full) = (new List<Scored>(chosen.Count), new List<Scored>());
            HashSet<string>? fullIds = null;
            foreach (var (agent, onBehalfOf) in chosen.Values)
            {
                if (!TryScore(policy, scope, agent, skill, out var score, out var error))
                {
                    var index = verdicts.FindIndex(v => v.Agent.Id == (onBehalfOf ?? agent.Id));
                    verdicts[index] = verdicts[index] with { Status = CandidateStatus.ExpressionFailed, Note = onBehalfOf is null ? error : $"delegate {agent.Name}: {error}" };
                    continue;
                }
                var candidate = new Scored(agent, score, RankedCandidate.UtilisationOf(agent), onBehalfOf);
                if (agent.FreeCapacity >= needed) free.Add(candidate);
                else
                {
                    full.Add(candidate);
                    (fullIds ??= new HashSet<string>(StringComparer.Ordinal)).Add(agent.Id);
                }
            }

            for (var i = 0; fullIds is not null && i < verdicts.Count; i++)
                if (verdicts[i].Status == CandidateStatus.Eligible && fullIds.Contains(verdicts[i].Agent.Id))
                    verdicts[i] = verdicts[i] with { Status = CandidateStatus.Full };
            return new Ranking(Order(policy.Strategy, free, rotation), Order(policy.Strategy, full, rotation), verdicts) { Skill = skill };
        }
        finally
        {
            scope.Agent = original;
        }
    }

    /// <summary>The candidate with a load learnt later (the agent reported more in use than ranked by), rescored.</summary>
    public static RankedCandidate WithLoad(DispatchStrategy strategy, RankedCandidate candidate, int load)
    {
        var agent = candidate.Agent with { OpenTasks = load };
        return candidate with { Agent = agent, Score = strategy == DispatchStrategy.LeastLoaded ? FreeShare(agent) : candidate.Score };
    }

    private static decimal FreeShare(AgentInfo agent) => agent.Capacity <= 0 ? 0 : Math.Round(1 - Math.Min(1, (decimal)agent.OpenTasks / agent.Capacity), 4);

    private static CandidateVerdict Judge(DispatchPolicy policy, ExpressionScope scope, AgentInfo agent, Func<string, AgentInfo?> findAgent)
    {
        bool passed;
        try
        {
            scope.Agent = agent;
            passed = policy.Filter?.Test(scope) ?? true;
        }
        catch (ExpressionRuntimeException e)
        {
            return new CandidateVerdict(agent, CandidateStatus.ExpressionFailed) { Note = $"filter failed: {e.Message}" };
        }
        if (!passed) return new CandidateVerdict(agent, CandidateStatus.FilterFalse) { PassedFilter = false };
        if (agent.OutOfOffice)
        {
            var stand = agent.Delegate.Length == 0 || agent.Delegate == agent.Id ? null : findAgent(agent.Delegate);
            if (stand is { OnDuty: true, OutOfOffice: false })
                return new CandidateVerdict(agent, CandidateStatus.Delegated) { PassedFilter = true, Delegate = stand.Id };
            var why = agent.Delegate.Length == 0 ? "no delegate named"
                : stand is null ? $"delegate {agent.Delegate} is not an agent"
                : $"delegate {stand.Name} is {(stand.OutOfOffice ? "out of office too" : "off duty")}";
            return new CandidateVerdict(agent, CandidateStatus.OutOfOffice) { PassedFilter = true, Note = why };
        }
        return agent.OnDuty
            ? new CandidateVerdict(agent, CandidateStatus.Eligible) { PassedFilter = true }
            : new CandidateVerdict(agent, CandidateStatus.OffDuty) { PassedFilter = true };
    }

    private static bool TryScore(DispatchPolicy policy, ExpressionScope scope, AgentInfo agent, string? skill, out decimal score, out string? error)
    {
        error = null;
        score = 0;
        switch (policy.Strategy)
        {
            case DispatchStrategy.BestSkillScore:
                score = skill is null ? 0 : agent.Level(skill);
                return true;
            case DispatchStrategy.ExpressionScore when policy.Score is { } expression:
                try
                {
                    scope.Agent = agent;
                    score = expression.EvaluateNumber(scope);
                    return true;
                }
                catch (Exception e) when (e is ExpressionRuntimeException or InvalidCastException or FormatException or OverflowException)
                {
                    error = $"score failed: {e.Message}";
                    return false;
                }
            case DispatchStrategy.LeastLoaded:
                score = FreeShare(agent);
                return true;
            default:
                return true;
        }
    }

    /// <summary>A candidate being ranked: its score and share in use worked out once, its place not yet known.</summary>
    private readonly record struct Scored(AgentInfo Agent, decimal Score, decimal Utilisation, string? OnBehalfOf);

    private static RankedCandidate[] Order(DispatchStrategy strategy, List<Scored> candidates, long rotation)
    {
        if (strategy == DispatchStrategy.RoundRobin)
        {
            candidates.Sort((a, b) => string.CompareOrdinal(a.Agent.Id, b.Agent.Id));
            var start = candidates.Count == 0 ? 0 : (int)(((rotation % candidates.Count) + candidates.Count) % candidates.Count);
            var rotated = new RankedCandidate[candidates.Count];
            for (var i = 0; i < rotated.Length; i++) rotated[i] = Place(candidates[(start + i) % candidates.Count], i);
            return rotated;
        }
        candidates.Sort((a, b) => DispatchOrder.Compare(strategy, a.Agent, a.Score, a.Utilisation, b.Agent, b.Score, b.Utilisation));
        var ordered = new RankedCandidate[candidates.Count];
        for (var i = 0; i < ordered.Length; i++) ordered[i] = Place(candidates[i], i);
        return ordered;
    }

    private static RankedCandidate Place(Scored candidate, int index) =>
        new(candidate.Agent, candidate.Score, index + 1) { OnBehalfOf = candidate.OnBehalfOf };
}
