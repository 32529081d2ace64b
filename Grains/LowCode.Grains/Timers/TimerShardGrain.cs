using LowCode.Grains.ReadModel;
using LowCode.Grains.Tickets;
using Microsoft.Extensions.Logging;

namespace LowCode.Grains.Timers;

/// <summary>
/// Holds a shard's deadlines in due order and fires the earliest with a single grain timer.
/// Firing calls the ticket grain, whose engine ignores a timer it no longer has, so a deadline
/// fired twice (after a crash between firing and forgetting) changes nothing the second time.
/// </summary>
public sealed class TimerShardGrain(TicketReadModel readModel, TimeProvider clock, TimerWakeUp wakeUp, ILogger<TimerShardGrain> log)
    : Grain, ITimerShardGrain, IRemindable
{
    private readonly SortedSet<(DateTimeOffset Due, string Ticket, string Timer)> _queue = [];
    private readonly Dictionary<(string Ticket, string Timer), DateTimeOffset> _due = [];
    private IGrainTimer? _timer;
    private DateTimeOffset? _scheduledFor;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        foreach (var armed in await readModel.TimersOfShardAsync((int)this.GetPrimaryKeyLong(), ct))
            Add(armed.TicketId, armed.TimerId, armed.DueAt);
        if (wakeUp.UseReminders)
            await this.RegisterOrUpdateReminder("wake", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Schedule();
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

    private void Add(string ticketId, string timerId, DateTimeOffset dueAt)
    {
        if (_due.Remove((ticketId, timerId), out var old)) _queue.Remove((old, ticketId, timerId));
        _due[(ticketId, timerId)] = dueAt;
        _queue.Add((dueAt, ticketId, timerId));
    }

    private void Schedule()
    {
        if (_queue.Count == 0) { _timer?.Dispose(); _timer = null; _scheduledFor = null; return; }
        var next = _queue.Min.Due;
        if (_timer is not null && _scheduledFor == next) return;
        _timer?.Dispose();
        var delay = next - clock.GetUtcNow();
        if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
        if (delay > TimeSpan.FromDays(1)) delay = TimeSpan.FromDays(1); // re-evaluated daily; keeps timer arithmetic small
        _scheduledFor = next;
        _timer = this.RegisterGrainTimer(FireDue, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private async Task FireDue(CancellationToken ct)
    {
        _timer?.Dispose();
        _timer = null;
        _scheduledFor = null;
        var now = clock.GetUtcNow();
        var due = _queue.TakeWhile(e => e.Due <= now).ToList();
        var failed = false;
        foreach (var batch in due.Chunk(64))
        {
            var results = await Task.WhenAll(batch.Select(async e =>
            {
                try
                {
                    await GrainFactory.GetGrain<ITicketGrain>(e.Ticket).FireTimer(e.Timer);
                    return (e, ok: true);
                }
                catch (Exception ex)
                {
                    log.LogWarning(ex, "Timer {Timer} of ticket {Ticket} could not fire; retrying", e.Timer, e.Ticket);
                    return (e, ok: false);
                }
            }));
            foreach (var (e, ok) in results)
                if (ok && _due.TryGetValue((e.Ticket, e.Timer), out var d) && d == e.Due) { _due.Remove((e.Ticket, e.Timer)); _queue.Remove(e); }
                else if (!ok) failed = true;
        }
        if (failed && _queue.Count > 0)
        {
            _scheduledFor = null;
            _timer = this.RegisterGrainTimer(FireDue, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan) { Interleave = true });
            return;
        }
        Schedule();
    }
}

/// <summary>Whether scheduler shards register an Orleans reminder as their durable wake-up (cluster mode).</summary>
public sealed record TimerWakeUp(bool UseReminders);
