using System.Collections.Concurrent;
using System.Diagnostics;

namespace LowCode.Grains.Dispatch;

/// <summary>
/// This silo's view of agents' workload, for ranking only: the load each agent grain last reported,
/// plus reservations this silo has asked for and not yet heard back about (so concurrent dispatches
/// here spread out instead of all choosing the same agent). It may lag behind other silos; the agent
/// grain's answer is what counts, and every answer corrects the board.
/// </summary>
public sealed class AgentLoadBoard
{
    private sealed class Entry
    {
        public int Load;
        public int Pending;
        public long ObservedAt;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The load to rank by: last reported plus pending, or <paramref name="guess"/> when never heard of.</summary>
    public int LoadOf(string agentId, int guess)
    {
        if (!_entries.TryGetValue(agentId, out var entry)) return guess;
        lock (entry) return entry.Load + entry.Pending;
    }

    /// <summary>When the agent last reported (a monotonic timestamp; 0 = never): the stalest are probed first.</summary>
    public long ObservedAt(string agentId)
    {
        if (!_entries.TryGetValue(agentId, out var entry)) return 0;
        lock (entry) return entry.ObservedAt;
    }

    public void Begin(string agentId, int weight, int guess)
    {
        var entry = _entries.GetOrAdd(agentId, _ => new Entry { Load = guess });
        lock (entry) entry.Pending += weight;
    }

    /// <summary>The reservation was answered (<paramref name="load"/> is the agent's load after it), or failed (null).</summary>
    public void End(string agentId, int weight, int? load)
    {
        if (!_entries.TryGetValue(agentId, out var entry)) return;
        lock (entry)
        {
            entry.Pending = Math.Max(0, entry.Pending - weight);
            if (load is { } reported) (entry.Load, entry.ObservedAt) = (reported, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>The agent reported its load (after a release).</summary>
    public void Observe(string agentId, int load)
    {
        var entry = _entries.GetOrAdd(agentId, _ => new Entry());
        lock (entry) (entry.Load, entry.ObservedAt) = (load, Stopwatch.GetTimestamp());
    }
}
