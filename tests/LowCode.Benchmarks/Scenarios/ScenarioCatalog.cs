using LowCode.Benchmarks.Harness;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// The scenarios of issue #9 in the order the table shows them. To add one (e.g. scenario 5, dispatch over
/// 10,000 agents and 100,000 SLA deadlines): implement <see cref="IScenario"/> in its own file, measure
/// its baseline in the same run (<see cref="RunContext.OnceAsync{T}"/>), and put it in place of
/// <see cref="Pending"/> below; it then runs with the suite, with <c>--smoke</c> and with <c>--scenario NAME</c>.
/// </summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new EngineScenario(),
        new StorageCeiling(),
        new DurableThroughput(),
        new Lifecycle(),
        new PeerScenario(),
        new Pending("dispatch", "5 dispatch / SLA timers", "dispatch over 10,000 agents and 100,000 SLA deadlines arrive with the dispatch/SLA work (extension point: ScenarioCatalog)"),
        new MemoryAndScale(),
    ];

    /// <summary>A scenario not written yet: one row saying so, so the table shows the gap.</summary>
    private sealed class Pending(string name, string scenario, string why) : IScenario
    {
        public string Name => name;

        public Task RunAsync(RunContext run)
        {
            run.Report.Skip(scenario, "not measured yet", why);
            return Task.CompletedTask;
        }
    }
}
