using System.Collections.Concurrent;
using System.Diagnostics;
using LowCode.Benchmarks.Harness;
using LowCode.Grains.Hosting;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5b: deadlines armed in the real timer shards of a silo on SQLite (the call the effect runner makes once a
/// ticket's state is stored), four per ticket, due in random order spread over a window that starts after arming.
/// Each fires into its ticket grain; the shards' <see cref="ITimerFiredObserver"/> notes when. Lateness = delivered
/// minus due. Every deadline must be delivered exactly once: a duplicate or a missing one fails the run. The baseline
/// is the same schedule on a bare in-process timer loop (no grains), run at the same time on the same machine.
/// </summary>
public sealed class TimersScenario : IScenario
{
    public const string Title = "5 SLA timers";

    public string Name => "timers";

    public async Task RunAsync(RunContext run)
    {
        var smoke = run.Options.Smoke;
        var (count, lead, window) = smoke ? (5_000, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)) : (100_000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        var log = new FiringLog();
        await using var host = await LowCodeHost.StartAsync(await run.NewStoreAsync(StorageKind.Sqlite, "timers"),
            services => services.AddSingleton<ITimerFiredObserver>(log));
        var clock = host.Services.GetRequiredService<TicketClock>();

        var start = clock.Now + lead;
        var random = new Random(7);
        var deadlines = Enumerable.Range(0, count)
            .Select(i => (Ticket: $"T-TMR-{i / 4:000000}", Timer: $"sla-{i % 4}", Due: start + window * random.NextDouble()))
            .ToArray();
        log.Expect(deadlines.Select(d => (d.Ticket, d.Timer)));

        var arming = Stopwatch.StartNew();
        await Parallel.ForEachAsync(deadlines, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (d, _) =>
            await host.Grains.GetGrain<ITimerShardGrain>(TicketReadModel.ShardOf(d.Ticket)).Arm(d.Ticket, d.Timer, d.Due));
        arming.Stop();
        var armedLate = clock.Now > start;

        var baseline = BareTimerLoop.RunAsync([.. deadlines.Select(d => d.Due)]);
        var all = await Task.WhenAny(log.AllFired, Task.Delay(lead + window + TimeSpan.FromSeconds(smoke ? 10 : 60)));
        await Task.Delay(TimeSpan.FromSeconds(smoke ? 0.5 : 2)); // a repeat would come within the shards' retry delay (1 s)
        var bare = await baseline;

        var at = $"{count:N0} deadlines, {TicketReadModel.TimerShards} shards, due over {window.TotalSeconds:0} s";
        run.Report.Add(new Row(Title, $"{at}: arming rate", new Figure(count / arming.Elapsed.TotalSeconds, "/s", 0)));
        run.Report.Add(new Row(Title, $"{at}: lateness p50", log.Lateness.P50) { Baseline = "bare timer loop p50", BaselineValue = bare.P50 });
        run.Report.Add(new Row(Title, $"{at}: lateness p99", log.Lateness.P99)
            { Baseline = "bare timer loop p99", BaselineValue = bare.P99, Target = Target.AtMost("< 250 ms", 250) });
        run.Report.Add(new Row(Title, $"{at}: lateness max", new Figure(log.Lateness.PercentileMs(100), "ms", 2))
            { Baseline = "bare timer loop max", BaselineValue = new Figure(bare.PercentileMs(100), "ms", 2) });
        var (duplicates, missing) = log.Tally();
        run.Report.Add(Title, $"{at}: fired exactly once", new Figure(count - missing - duplicates, ""), $"{count:N0}");
        run.Report.Add(Title, $"{at}: fired twice or more / never", new Figure(duplicates + missing, ""), "0");
        if (armedLate) run.Report.Note($"SLA timers: arming took longer than the {lead.TotalSeconds:0} s lead, so the first deadlines were armed after they were due.");
        run.Report.Note("SLA timers: deadlines are armed straight into the shards (the effect runner's call after a ticket's write; the lc_timers row " +
            "that makes them durable is written with the ticket's projection, measured in scenario 2). Firing calls the ticket grain, which is " +
            "activated from SQLite; these tickets hold no such timer, so the engine transition a real deadline causes is not included.");
        if (duplicates + missing > 0 || all != log.AllFired)
            throw new InvalidOperationException($"Deadlines fired more than once: {duplicates}; never fired: {missing}.");
    }

    /// <summary>The shards' observer: when each deadline was delivered, and how often.</summary>
    private sealed class FiringLog : ITimerFiredObserver
    {
        private readonly ConcurrentDictionary<(string, string), int> _fired = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private HashSet<(string, string)> _expected = [];
        private int _remaining;

        public Latency Lateness { get; } = new();
        public Task AllFired => _all.Task;

        public void Expect(IEnumerable<(string, string)> deadlines)
        {
            _expected = [.. deadlines];
            _remaining = _expected.Count;
        }

        public void Fired(string ticketId, string timerId, DateTimeOffset dueAt, DateTimeOffset firedAt)
        {
            if (_fired.AddOrUpdate((ticketId, timerId), 1, (_, n) => n + 1) != 1) return;
            Lateness.Record(firedAt > dueAt ? firedAt - dueAt : TimeSpan.Zero);
            if (_expected.Contains((ticketId, timerId)) && Interlocked.Decrement(ref _remaining) == 0) _all.TrySetResult();
        }

        public (int Duplicates, int Missing) Tally() =>
            (_fired.Values.Count(n => n > 1) + _fired.Keys.Count(k => !_expected.Contains(k)), _expected.Count(k => !_fired.ContainsKey(k)));
    }

    /// <summary>The floor: the same due times on one in-process loop that sleeps until the next and notes how late it woke.</summary>
    private static class BareTimerLoop
    {
        public static Task<Latency> RunAsync(DateTimeOffset[] dues) => Task.Run(async () =>
        {
            Array.Sort(dues);
            var lateness = new Latency();
            var i = 0;
            while (i < dues.Length)
            {
                var wait = dues[i] - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var now = DateTimeOffset.UtcNow;
                for (; i < dues.Length && dues[i] <= now; i++) lateness.Record(now - dues[i]);
            }
            return lateness;
        });
    }
}
