using Orleans.Concurrency;

namespace LowCode.Grains.Timers;

/// <summary>
/// One shard of the durable timer scheduler (key: shard number). It keeps its shard's deadlines in
/// memory and fires each when due; the lc_timers table (written with ticket state) lets it reload
/// after a restart, and in cluster mode a reminder wakes it if its silo died.
/// </summary>
public interface ITimerShardGrain : IGrainWithIntegerKey
{
    [AlwaysInterleave]
    Task Arm(string ticketId, string timerId, DateTimeOffset dueAt);

    [AlwaysInterleave]
    Task Cancel(string ticketId, string timerId);

    /// <summary>Activates the shard (loading its deadlines) and returns how many it holds.</summary>
    [AlwaysInterleave]
    Task<int> Wake();

    /// <summary>Fires every deadline due by now and returns how many fired. Called by the shard's clock; tests call it as a barrier.</summary>
    Task<int> FireDue();
}
