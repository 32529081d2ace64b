namespace LowCode.Browser.Tests.Benchmarks;

/// <summary>
/// The browser tests project's command line, for measurements that are not tests (the test runner never calls it):
/// <c>dotnet run --project tests/LowCode.Browser.Tests -- canvas-benchmark [runs]</c>.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The host's test factory finds the server's content root from the output folder, as under the test runner.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        if (args is ["canvas-benchmark", .. var rest])
            return await CanvasOpenBenchmark.RunAsync(rest is [var n] && int.TryParse(n, out var runs) && runs > 0 ? runs : 5);
        Console.Error.WriteLine("usage: dotnet run --project tests/LowCode.Browser.Tests -- canvas-benchmark [runs]");
        return 2;
    }
}
