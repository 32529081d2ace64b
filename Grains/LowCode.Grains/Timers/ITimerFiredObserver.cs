namespace LowCode.Grains.Timers;

/// <summary>
/// Told each time a scheduler shard has delivered a deadline to its ticket (the ticket grain accepted the
/// call), with the time it was due and the time it was delivered. An observation point for monitoring and
/// benchmarks (lateness, exactly-once); register any number in DI. Called on the shard's turn: keep it quick.
/// </summary>
public interface ITimerFiredObserver
{
    void Fired(string ticketId, string timerId, DateTimeOffset dueAt, DateTimeOffset firedAt);
}
