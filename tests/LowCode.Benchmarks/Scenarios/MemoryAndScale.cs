using LowCode.Benchmarks.Harness;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>Scenario 6: memory per active ticket grain, host RSS, and read-model queue queries over many stored tickets.</summary>
public sealed class MemoryAndScale : IScenario
{
    public const string Title = "6 memory and scale";

    public string Name => "scale";

    public bool InSmoke => false;

    public Task RunAsync(RunContext run) => Task.CompletedTask;
}
