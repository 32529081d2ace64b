using LowCode.Benchmarks.Harness;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>One scenario of the suite: adds its rows (and notes) to the run's report.</summary>
public interface IScenario
{
    /// <summary>The name given to <c>--scenario</c>.</summary>
    string Name { get; }

    /// <summary>False for scenarios that only run in the full mode (they add a skipped row in smoke mode).</summary>
    bool InSmoke => true;

    Task RunAsync(RunContext run);
}
