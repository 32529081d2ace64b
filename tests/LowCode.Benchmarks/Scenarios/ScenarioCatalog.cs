using LowCode.Benchmarks.Harness;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// The scenarios of issue #9 in the order the table shows them. To add one: implement <see cref="IScenario"/> in
/// its own file, measure its baseline in the same run (<see cref="RunContext.OnceAsync{T}"/>), and list it below
/// (or a <see cref="Pending"/> row until it exists); it then runs with the suite, with <c>--smoke</c> and with <c>--scenario NAME</c>.
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
        new DispatchScenario(),
        new TimersScenario(),
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
