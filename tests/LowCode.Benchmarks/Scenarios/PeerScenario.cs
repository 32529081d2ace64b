using LowCode.Benchmarks.Harness;
using LowCode.Benchmarks.Peer;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: the same repair flow in Workflow Core 3.22.0, same machine, same run — in memory (its own
/// provider) and durable over the same database and durability as LowCode (our provider), with the
/// default and a tuned <c>IdleTime</c>. Scenarios 2 and 3 divide LowCode's figures by these.
/// </summary>
public sealed class PeerScenario : IScenario
{
    public const string Title = "4 peer: Workflow Core";

    public string Name => "peer";

    public async Task RunAsync(RunContext run)
    {
        var callers = 32;
        foreach (var storage in new[] { PeerStorage.Memory, PeerStorage.Sqlite, PeerStorage.Postgres })
        {
            foreach (var tuned in new[] { false, true })
            {
                var label = PeerHost.Label(storage, tuned);
                if (storage == PeerStorage.Postgres && run.Postgres is null) { run.SkipPostgres(Title, $"{label}: tickets opened / s"); continue; }
                var open = await MeasureOpenAsync(run, storage, tuned, callers);
                run.Report.Add(new Row(Title, $"{label}, {callers} callers: tickets opened / s", new Figure(open.Load.PerSecond, "/s", 1)));
                run.Report.Add(new Row(Title, $"{label}, {callers} callers: p99 open latency", open.Load.Latency.P99));
                if (storage != PeerStorage.Memory)
                    run.Report.Add(new Row(Title, $"{label}, {callers} callers: commits per ticket opened", new Figure(open.CommitsPerTicket, "", 2)));
            }
        }
        foreach (var storage in new[] { PeerStorage.Memory, PeerStorage.Sqlite, PeerStorage.Postgres })
        {
            if (storage == PeerStorage.Postgres && run.Postgres is null) continue;
            var rate = run.Options.Rates.Min(r => Math.Abs(r - 100)) == 0 ? 100 : run.Options.Rates[0];
            var life = await MeasureLifecycleAsync(run, storage, tuned: true, rate);
            var label = PeerHost.Label(storage, true);
            run.Report.Add(new Row(Title, $"{label}, {rate}/s arrivals: transitions / s", new Figure(life.TransitionsPerSecond, "/s", 1))
                { Baseline = "offered", BaselineValue = new Figure(rate * 3, "/s") });
            run.Report.Add(new Row(Title, $"{label}, {rate}/s arrivals: p99 per transition", new Figure(life.PerTransition.PercentileMs(99), "ms", 2, life.Censored)));
            if (storage != PeerStorage.Memory)
                run.Report.Add(new Row(Title, $"{label}, {rate}/s arrivals: commits per transition", new Figure(life.CommitsPerTransition, "", 2)));
        }
        run.Report.Note("Peer: Workflow Core 3.22.0 with its defaults (single-node queue and lock providers, MaxConcurrentWorkflows = max(cores, 4)); " +
            "'tuned' only lowers IdleTime from 100 ms to 1 ms. Its durable rows use SqlPersistenceProvider from this project (upstream's SQL providers are not available here): " +
            "one table per kind of record, the workflow instance as Newtonsoft JSON, one autocommit statement per provider call (one transaction when subscriptions are added), " +
            "same SQLite pragmas / PostgreSQL synchronous_commit as LowCode, no caching or batching. A peer step counts as done when the provider has stored the workflow at that stage. " +
            "Its flow does less than LowCode's (no form check, notification, SLA timers, queue offer or read model).");
    }

    public sealed record OpenResult(LoadResult Load, double CommitsPerTicket);

    /// <summary>Closed loop: each caller opens a ticket and waits until its first stage is stored.</summary>
    public static Task<OpenResult> MeasureOpenAsync(RunContext run, PeerStorage storage, bool tuned, int callers) =>
        run.OnceAsync($"peer-open:{storage}:{tuned}:{callers}", async () =>
        {
            var peer = await PeerHost.SharedAsync(run, storage, tuned);
            long opened = 0;
            var before = peer.Store is null ? 0 : await peer.Store.CommitsAsync();
            var prefix = $"P{storage}{(tuned ? 1 : 0)}c{callers}-";
            var load = await ClosedLoop.RunAsync(callers, run.Options.WarmUp, run.Options.Step, async n =>
            {
                await peer.OpenAsync(prefix + n).WaitAsync(TimeSpan.FromSeconds(60));
                Interlocked.Increment(ref opened);
            });
            var commits = peer.Store is null ? 0 : await peer.Store.CommitsAsync() - before;
            return new OpenResult(load, (double)commits / Math.Max(1, opened));
        });

    /// <summary>Fixed arrival rate: open, repair, pass, each waited for until stored.</summary>
    public static Task<LifecycleResult> MeasureLifecycleAsync(RunContext run, PeerStorage storage, bool tuned, int rate) =>
        run.OnceAsync($"peer-life:{storage}:{tuned}:{rate}", async () =>
        {
            // A fresh host per rate, stopped afterwards: an overloaded peer keeps working through its backlog
            // after the drain deadline, which would load (and, on PostgreSQL, count commits into) later steps.
            var store = storage switch
            {
                PeerStorage.Sqlite => await run.NewStoreAsync(Grains.Storage.StorageKind.Sqlite, "peerlife"),
                PeerStorage.Postgres => await run.NewStoreAsync(Grains.Storage.StorageKind.Postgres, "peerlife"),
                _ => null,
            };
            await using var peer = PeerHost.Start(store, tuned);
            var prefix = $"L{storage}{(tuned ? 1 : 0)}r{rate}-";
            return await Lifecycles.RunAsync(rate, run.Options.Step, Lifecycle.Drain(run), 3, async (n, step, _, ct) =>
            {
                var ticket = prefix + n;
                await (step switch
                {
                    0 => peer.OpenAsync(ticket, ct),
                    1 => peer.RepairedAsync(ticket, ct),
                    _ => peer.PassedAsync(ticket, ct),
                });
                return null;
            }, () => peer.Store is null ? Task.FromResult(0L) : peer.Store.CommitsAsync());
        });
}
