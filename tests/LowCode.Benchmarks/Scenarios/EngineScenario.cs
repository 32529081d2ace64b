using LowCode.Benchmarks.Harness;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>The pure engine in memory (the existing micro-benchmarks): the CPU ceiling of a transition.</summary>
public sealed class EngineScenario : IScenario
{
    public string Name => "engine";

    public Task RunAsync(RunContext run)
    {
        EngineBenchmarks.Run(run.Report, run.Options.Smoke);
        return Task.CompletedTask;
    }
}
