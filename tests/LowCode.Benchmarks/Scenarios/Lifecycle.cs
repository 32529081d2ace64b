using LowCode.Benchmarks.Harness;
using LowCode.Benchmarks.Peer;
using LowCode.Grains.Storage;
using LowCode.Runtime.Execution;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: whole repair tickets at fixed arrival rates — submitted (dispatched to the maintenance
/// queue), repaired by a technician, passed by the inspector, closed — with latency from each step's
/// intended send time to its committed acknowledgement (coordinated omission corrected).
/// </summary>
public sealed class Lifecycle : IScenario
{
    public const string Title = "3 full lifecycle";

    public string Name => "lifecycle";

    /// <summary>How long a rate step may take to finish its tickets before the rest are cut off (and reported as lower bounds).</summary>
    public static TimeSpan Drain(RunContext run) => run.Options.Smoke ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(12);

    public async Task RunAsync(RunContext run)
    {
        foreach (var kind in new[] { StorageKind.Sqlite, StorageKind.Postgres })
        {
            var db = kind == StorageKind.Sqlite ? "SQLite" : "PostgreSQL";
            if (kind == StorageKind.Postgres && run.Postgres is null) { run.SkipPostgres(Title, "transitions / s"); continue; }
            var peerStorage = kind == StorageKind.Sqlite ? PeerStorage.Sqlite : PeerStorage.Postgres;
            foreach (var rate in run.Options.Rates)
            {
                var result = await MeasureAsync(run, kind, rate);
                var peer = await PeerScenario.MeasureLifecycleAsync(run, peerStorage, tuned: true, rate);
                var at = $"{db}, {rate} tickets/s";
                var peerLabel = PeerHost.Label(peerStorage, true);
                run.Report.Add(new Row(Title, $"{at}: transitions / s vs offered", new Figure(result.TransitionsPerSecond, "/s", 1))
                    { Baseline = "offered (3 per ticket)", BaselineValue = new Figure(rate * 3, "/s") });
                run.Report.Add(new Row(Title, $"{at}: transitions / s vs peer", new Figure(result.TransitionsPerSecond, "/s", 1))
                    { Baseline = peerLabel, BaselineValue = new Figure(peer.TransitionsPerSecond, "/s", 1) });
                run.Report.Add(new Row(Title, $"{at}: p50 per transition", new Figure(result.PerTransition.PercentileMs(50), "ms", 2, result.Censored))
                    { Baseline = "peer p50", BaselineValue = new Figure(peer.PerTransition.PercentileMs(50), "ms", 2, peer.Censored) });
                run.Report.Add(new Row(Title, $"{at}: p99 per transition", new Figure(result.PerTransition.PercentileMs(99), "ms", 2, result.Censored))
                {
                    Baseline = "peer p99", BaselineValue = new Figure(peer.PerTransition.PercentileMs(99), "ms", 2, peer.Censored),
                    Target = rate == 200 ? Target.AtMost("< 25 ms at 200/s", 25) : null,
                });
                run.Report.Add(new Row(Title, $"{at}: p99 whole ticket (submit → closed)", new Figure(result.PerTicket.PercentileMs(99), "ms", 2, result.Censored)));
                run.Report.Add(new Row(Title, $"{at}: commits per transition", new Figure(result.CommitsPerTransition, "", 2))
                    { Baseline = "peer", BaselineValue = new Figure(peer.CommitsPerTransition, "", 2), Target = Target.AtMost("≤ 1.1", 1.1) });
                if (result.Censored || peer.Censored)
                    run.Report.Add(new Row(Title, $"{at}: tickets closed of submitted (drain {Drain(run).TotalSeconds:0} s)", new Figure(result.Finished, $"of {result.Arrivals}"))
                        { Baseline = "peer", BaselineValue = new Figure(peer.Finished, $"of {peer.Arrivals}") });
            }
        }
        run.Report.Note("Lifecycle: ticket i is submitted at start + i/rate whatever happened before (open loop); its task completions follow each acknowledgement at once. " +
            "Latency runs from the intended send time to the acknowledgement of the committed transition. Values marked ≥ include tickets cut off at the drain deadline " +
            "(their open step counted with the time waited so far). Ratios of latencies are LowCode/peer: below 1 means LowCode is faster.");
    }

    public static Task<LifecycleResult> MeasureAsync(RunContext run, StorageKind kind, int rate) =>
        run.OnceAsync($"lifecycle:{kind}:{rate}", async () =>
        {
            var host = await LowCodeHost.SharedAsync(run, kind);
            var prefix = $"T-L{rate}-";
            return await Lifecycles.RunAsync(rate, run.Options.Step, Drain(run), 3, async (n, step, state, ct) =>
            {
                ct.ThrowIfCancellationRequested();
                return step switch
                {
                    0 => await host.OpenAsync(prefix + n),
                    1 => await host.CompleteAsync((TicketState)state!, "repair", "repaired", "u-li"),
                    _ => await host.CompleteAsync((TicketState)state!, "qualityCheck", "pass", "u-sun"),
                };
            }, host.Store.CommitsAsync);
        });
}
