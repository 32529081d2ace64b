using System.Collections.Concurrent;
using LowCode.Grains.Organisation;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Expressions;

namespace LowCode.Grains.Dispatch;

/// <summary>A rule's pool for one ticket: all its agents, those its filter's static conditions admit, and how many it left out.</summary>
public sealed record DispatchPool(IReadOnlyList<AgentProfile> All, IReadOnlyList<AgentProfile> Admitted, string Description)
{
    public int Size => All.Count;
    public int LeftOut => All.Count - Admitted.Count;

    /// <summary>The agents left out, in pool order (worked out when asked: only a decision record with room to list them asks).</summary>
    public IEnumerable<AgentProfile> LeftOutAgents()
    {
        var admitted = Admitted.ToHashSet(ReferenceEqualityComparer.Instance);
        return All.Where(a => !admitted.Contains(a));
    }
}

/// <summary>
/// Per org snapshot, per silo: each rule's pool in id order, and which of its agents the filter's static leading
/// conditions admit for the field values they read (<see cref="AgentPrefilter"/>) — worked out once, then reused
/// by every ticket with the same values, so a pool of thousands costs a lookup instead of thousands of evaluations.
/// A new snapshot (any org change) starts afresh.
/// </summary>
public sealed class DispatchPools
{
    /// <summary>Remembered answers per snapshot before they are forgotten (distinct rules × field values).</summary>
    public const int MaxRemembered = 4_096;

    private sealed record Pool(AgentProfile[] Agents, string Description);

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<string, Pool> Pools { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<(DispatchPolicy Policy, string Pool, string Key), AgentProfile[]> Admitted { get; } = new();
    }

    private volatile Generation _current = new(long.MinValue);

    public DispatchPool For(OrgSnapshot snapshot, string? team, DispatchPolicy policy, ExpressionScope scope)
    {
        var generation = _current;
        if (generation.Version != snapshot.Version) _current = generation = new Generation(snapshot.Version);
        var pool = generation.Pools.GetOrAdd(team ?? "", key => Build(snapshot, key));
        if (policy.Filter?.Prefilter is not { } prefilter || prefilter.KeyOf(scope) is not { } values)
            return new DispatchPool(pool.Agents, pool.Agents, pool.Description);
        if (generation.Admitted.Count >= MaxRemembered) generation.Admitted.Clear();
        var admitted = generation.Admitted.GetOrAdd((policy, team ?? "", values), _ => [.. pool.Agents.Where(a => prefilter.Admits(scope, snapshot.ProfileOf(a)))]);
        return new DispatchPool(pool.Agents, admitted, pool.Description);
    }

    /// <summary>The agents a rule draws from: its team's members with agent profiles, or every agent.</summary>
    private static Pool Build(OrgSnapshot snapshot, string team)
    {
        if (team.Length == 0) return new Pool([.. snapshot.Agents.Values.OrderBy(a => a.UserId, StringComparer.Ordinal)], "all agents");
        if (!snapshot.Teams.TryGetValue(team, out var found)) return new Pool([], $"team {team} (not in the organisation)");
        return new Pool([.. found.Members.Select(m => snapshot.Agents.GetValueOrDefault(m)).OfType<AgentProfile>()], $"team {found.Key} ({found.Name})");
    }
}
