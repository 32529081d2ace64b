using System.Globalization;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Dispatch;

/// <summary>
/// The order of candidates under a strategy, and the words for why one comes before another.
/// Score first (highest wins; least loaded scores the free share of capacity), then the share of
/// capacity in use, then open tasks, then the agent id — so ties always break the same way.
/// </summary>
public static class DispatchOrder
{
    public static int Compare(DispatchStrategy strategy, RankedCandidate a, RankedCandidate b) =>
        Compare(strategy, a, a.Utilisation, b, b.Utilisation);

    /// <summary>The same order, with each candidate's share in use already worked out.</summary>
    public static int Compare(DispatchStrategy strategy, RankedCandidate a, decimal aUtilisation, RankedCandidate b, decimal bUtilisation) =>
        Compare(strategy, a.Agent, a.Score, aUtilisation, b.Agent, b.Score, bUtilisation);

    /// <summary>The same order, for agents not yet made candidates: their score and share in use worked out.</summary>
    public static int Compare(DispatchStrategy strategy, AgentInfo a, decimal aScore, decimal aUtilisation, AgentInfo b, decimal bScore, decimal bUtilisation)
    {
        if (strategy is DispatchStrategy.BestSkillScore or DispatchStrategy.ExpressionScore && bScore.CompareTo(aScore) is not 0 and var byScore)
            return byScore;
        if (aUtilisation.CompareTo(bUtilisation) is not 0 and var byShare) return byShare;
        if (a.OpenTasks.CompareTo(b.OpenTasks) is not 0 and var byLoad) return byLoad;
        return string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>Puts <paramref name="candidate"/> into an ordered list where it now belongs.</summary>
    public static void Insert(List<RankedCandidate> ordered, RankedCandidate candidate, DispatchStrategy strategy)
    {
        var at = ordered.FindIndex(c => Compare(strategy, candidate, c) < 0);
        ordered.Insert(at < 0 ? ordered.Count : at, candidate);
    }

    /// <summary>Why <paramref name="first"/> ranks before <paramref name="next"/> (or stands alone).</summary>
    public static string Explain(DispatchStrategy strategy, RankedCandidate first, RankedCandidate? next, string? skill = null)
    {
        var load = Load(first);
        if (strategy == DispatchStrategy.RoundRobin)
            return next is null ? $"the only candidate with room ({load})" : $"next in turn of the rotation ({load})";
        if (next is null) return $"the only candidate with room ({Describe(strategy, first, skill)}, {load})";
        var them = next.Agent.Name.Length > 0 ? next.Agent.Name : next.Agent.Id;
        if (strategy is DispatchStrategy.BestSkillScore or DispatchStrategy.ExpressionScore && first.Score != next.Score)
            return $"{Describe(strategy, first, skill)}, ahead of {them} with {Number(next.Score)}";
        var tie = strategy == DispatchStrategy.LeastLoaded ? "" : $"tied on {Describe(strategy, first, skill)}; ";
        if (first.Utilisation != next.Utilisation)
            return $"{tie}least loaded: {load}, against {Load(next)} for {them}";
        if (first.Agent.OpenTasks != next.Agent.OpenTasks)
            return $"{tie}fewer open tasks: {load}, against {Load(next)} for {them}";
        return $"{tie}as loaded as {them} ({load}); the tie goes to the lower id ({first.Agent.Id} before {next.Agent.Id})";
    }

    private static string Describe(DispatchStrategy strategy, RankedCandidate c, string? skill) => strategy switch
    {
        DispatchStrategy.BestSkillScore => $"{skill} level {Number(c.Score)}",
        DispatchStrategy.ExpressionScore => $"score {Number(c.Score)}",
        _ => $"{Number(Math.Round(c.Utilisation * 100, 0))} % in use",
    };

    private static string Load(RankedCandidate c) => $"{c.Agent.OpenTasks} of {c.Agent.Capacity} in use";

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
