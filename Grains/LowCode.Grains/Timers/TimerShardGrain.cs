using LowCode.Grains.Hosting;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Tickets;
using Microsoft.Extensions.Logging;

namespace LowCode.Grains.Timers;

/// <summary>
/// Holds a shard's deadlines in due order and wakes once, at the earliest, through the injected
/// <see cref="TimeProvider"/> (so tests drive it with a fake clock). Firing calls the ticket grain,
/// whose engine ignores a timer it no longer has: a deadline fired twice changes nothing the second time.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class TimerShardGrain(TicketReadModel readModel, TicketClock clock, TimerWakeUp wakeUp, IEnumerable<ITimerFiredObserver> observers,
    ILogger<TimerShardGrain> log) : Grain, ITimerShardGrain, IRemindable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StaleWakeUp = TimeSpan.FromSeconds(30);
    private readonly SortedSet<(DateTimeOffset Due, string Ticket, string Timer)> _queue = [];
    private readonly Dictionary<(string Ticket, string Timer), DateTimeOffset> _due = [];
    private readonly ITimerFiredObserver[] _observers = [.. observers];
    private ITimer? _wake;
    private DateTimeOffset? _wakeAt;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        foreach (var armed in await readModel.TimersOfShardAsync((int)this.GetPrimaryKeyLong(), ct))
            Add(armed.TicketId, armed.TimerId, armed.DueAt);
        if (wakeUp.UseReminders)
            await this.RegisterOrUpdateReminder("wake", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Schedule();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        _wake?.Dispose();
        return Task.CompletedTask;
    }

    public Task Arm(string ticketId, string timerId, DateTimeOffset dueAt)
    {
        Add(ticketId, timerId, dueAt);
        Schedule();
        return Task.CompletedTask;
    }

    public Task Cancel(string ticketId, string timerId)
    {
        if (_due.Remove((ticketId, timerId), out var due)) _queue.Remove((due, ticketId, timerId));
        return Task.CompletedTask;
    }

    public Task<int> Wake() => Task.FromResult(_queue.Count);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public async Task<int> FireDue()
    {
        var now = clock.Now;
        var due = _queue.TakeWhile(e => e.Due <= now).ToList();
        var fired = 0;
        var failed = false;
        foreach (var batch in due.Chunk(64))
        {
            var results = await Task.WhenAll(batch.Select(Fire));
            foreach (var (entry, ok) in results)
            {
                if (!ok) { failed = true; continue; }
                fired++;
                if (_due.TryGetValue((entry.Ticket, entry.Timer), out var d) && d == entry.Due)
                {
                    _due.Remove((entry.Ticket, entry.Timer));
                    _queue.Remove(entry);
                }
            }
        }
        _wakeAt = null;
        Schedule(failed ? now + RetryAfter : null);
        return fired;
    }

    private async Task<((DateTimeOffset Due, string Ticket, string Timer) Entry, bool Ok)> Fire((DateTimeOffset Due, string Ticket, string Timer) e)
    {
        try
        {
            await GrainFactory.GetGrain<ITicketGrain>(e.Ticket).FireTimer(e.Timer);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Timer {Timer} of ticket {Ticket} could not fire; retrying", e.Timer, e.Ticket);
            return (e, false);
        }
        Observe(e);
        return (e, true);
    }

    /// <summary>Tells the observers a deadline was delivered; an observer's failure never makes it fire again.</summary>
    private void Observe((DateTimeOffset Due, string Ticket, string Timer) e)
    {
        if (_observers.Length == 0) return;
        var firedAt = clock.Now;
        foreach (var observer in _observers)
        {
            try { observer.Fired(e.Ticket, e.Timer, e.Due, firedAt); }
            catch (Exception ex) { log.LogWarning(ex, "Timer observer {Observer} failed for {Ticket}/{Timer}", observer.GetType().Name, e.Ticket, e.Timer); }
        }
    }

    private void Add(string ticketId, string timerId, DateTimeOffset dueAt)
    {
        if (_due.Remove((ticketId, timerId), out var old)) _queue.Remove((old, ticketId, timerId));
        _due[(ticketId, timerId)] = dueAt;
        _queue.Add((dueAt, ticketId, timerId));
    }

    /// <summary>Sets the single wake-up for the earliest deadline (or <paramref name="at"/> when retrying).</summary>
    private void Schedule(DateTimeOffset? at = null)
    {
        if (_queue.Count == 0) return;
        var next = at ?? _queue.Min.Due;
        // An earlier wake-up is already set — unless it is overdue (its call failed), then set a new one.
        if (_wakeAt is { } current && current <= next && current > clock.Now - StaleWakeUp) return;
        _wake?.Dispose();
        _wakeAt = next;
        var delay = next - clock.Now;
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        if (delay > TimeSpan.FromDays(7)) delay = TimeSpan.FromDays(7); // re-checked weekly
        var self = this.AsReference<ITimerShardGrain>();
        _wake = clock.Time.CreateTimer(static state => _ = ((ITimerShardGrain)state!).FireDue(), self, delay, Timeout.InfiniteTimeSpan);
    }
}

/// <summary>Whether scheduler shards register an Orleans reminder as their durable wake-up (cluster mode).</summary>
public sealed record TimerWakeUp(bool UseReminders);
