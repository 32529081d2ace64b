using LowCode.Grains.ReadModel;

namespace LowCode.Grains.Timers;

/// <summary>
/// When the silo becomes active, wakes every scheduler shard so deadlines stored before a restart
/// (including ones already overdue) are loaded and fire promptly.
/// </summary>
public sealed class TimerBootstrap(IGrainFactory grains) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TimerBootstrap), ServiceLifecycleStage.Active, WakeAll, _ => Task.CompletedTask);

    private Task WakeAll(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, TicketReadModel.TimerShards).Select(i => grains.GetGrain<ITimerShardGrain>(i).Wake()));
}
