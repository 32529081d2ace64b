using LowCode.Benchmarks.Harness;
using LowCode.Benchmarks.Peer;
using LowCode.Grains.Storage;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: N callers each open a repair ticket through the real silo (grain, engine, grain storage,
/// read model, queue offer) and open the next as soon as it is acknowledged. Each figure is set beside the
/// storage ceiling at the same concurrency and the peer engine on the same database.
/// </summary>
public sealed class DurableThroughput : IScenario
{
    public const string Title = "2 durable throughput";

    public string Name => "durable";

    public async Task RunAsync(RunContext run)
    {
        foreach (var kind in new[] { StorageKind.Sqlite, StorageKind.Postgres })
        {
            var db = kind == StorageKind.Sqlite ? "SQLite" : "PostgreSQL";
            if (kind == StorageKind.Postgres && run.Postgres is null) { run.SkipPostgres(Title, "tickets / s"); continue; }
            foreach (var callers in run.Options.Callers)
            {
                var result = await MeasureAsync(run, kind, callers);
                var ceiling = await StorageCeiling.MeasureAsync(run, kind, callers);
                var peer = await PeerScenario.MeasureOpenAsync(run, kind == StorageKind.Sqlite ? PeerStorage.Sqlite : PeerStorage.Postgres, tuned: true, callers);
                var at = $"{db}, {callers} caller(s)";
                var tickets = new Figure(result.Load.PerSecond, "/s", 1);
                run.Report.Add(new Row(Title, $"{at}: tickets / s (= create transitions / s) vs ceiling", tickets)
                    { Baseline = $"{db} ceiling, {callers} writer(s)", BaselineValue = new Figure(ceiling.Load.PerSecond, "/s"), Target = Target.RatioAtLeast("≥ 70 % of ceiling", 0.7) });
                run.Report.Add(new Row(Title, $"{at}: tickets / s vs peer", tickets)
                    { Baseline = PeerHost.Label(kind == StorageKind.Sqlite ? PeerStorage.Sqlite : PeerStorage.Postgres, true), BaselineValue = new Figure(peer.Load.PerSecond, "/s", 1), Target = Target.RatioAtLeast("≥ 10× Workflow Core", 10) });
                run.Report.Add(new Row(Title, $"{at}: grain state writes / s", new Figure(result.StateWritesPerTicket * result.Load.PerSecond, "/s", 1)));
                run.Report.Add(new Row(Title, $"{at}: p50 latency", result.Load.Latency.P50) { Baseline = "ceiling p50", BaselineValue = ceiling.Load.Latency.P50 });
                run.Report.Add(new Row(Title, $"{at}: p99 latency", result.Load.Latency.P99)
                {
                    Baseline = "ceiling p99", BaselineValue = ceiling.Load.Latency.P99,
                    Target = callers == 32 ? Target.AtMost("< 50 ms at 32 callers", 50) : null,
                });
                run.Report.Add(new Row(Title, $"{at}: commits per transition (a create is one)", new Figure(result.CommitsPerTicket, "", 2))
                    { Baseline = "ceiling", BaselineValue = new Figure(ceiling.CommitsPerRow, "", 2), Target = Target.AtMost("≤ 1.1", 1.1) });
                run.Report.Add(new Row(Title, $"{at}: grain state writes per ticket", new Figure(result.StateWritesPerTicket, "", 2)));
                if (result.Load.Failures > 0) run.Report.Add(new Row(Title, $"{at}: failed calls", new Figure(result.Load.Failures, "")));
            }
        }
        run.Report.Note("Durable throughput: ticket grains are called directly through the co-hosted silo's grain factory (the server's API handlers make the same call; " +
            "HTTP, authentication and JSON of the API are not included). Opening a repair ticket is one transition: one grain state write (the start with the " +
            "offer of the repair task to the team queue) whose read-model projection is written in the same transaction, through the silo's group-commit writer, " +
            "so concurrent opens share commits (commits per transition below 1).");
    }

    public sealed record Result(LoadResult Load, double CommitsPerTicket, double StateWritesPerTicket);

    public static Task<Result> MeasureAsync(RunContext run, StorageKind kind, int callers) =>
        run.OnceAsync($"durable:{kind}:{callers}", async () =>
        {
            var host = await LowCodeHost.SharedAsync(run, kind);
            long opened = 0;
            var (commitsBefore, writesBefore) = (await host.Store.CommitsAsync(), await host.StateWritesAsync());
            var prefix = $"T-D{callers}-";
            var load = await ClosedLoop.RunAsync(callers, run.Options.WarmUp, run.Options.Step, async n =>
            {
                await host.OpenAsync(prefix + n);
                Interlocked.Increment(ref opened);
            });
            var commits = await host.Store.CommitsAsync() - commitsBefore;
            var writes = await host.StateWritesAsync() - writesBefore;
            return new Result(load, (double)commits / Math.Max(1, opened), (double)writes / Math.Max(1, opened));
        });
}
