namespace LowCode.Benchmarks.Harness;

/// <summary>
/// Command line of the benchmark suite:
/// <c>[--smoke] [--scenario NAME] [--out FILE] [--postgres CONNSTRING | --no-postgres] [--scale N]</c>.
/// </summary>
public sealed record BenchOptions
{
    public const string DefaultPostgres = "Host=localhost;Username=postgres;Password=postgres;Database=postgres;Timeout=3";

    /// <summary>A few seconds per scenario (CI); the full mode is for results pages.</summary>
    public bool Smoke { get; init; }

    /// <summary>Run only this scenario (see <see cref="Scenarios.ScenarioCatalog"/>), or all when null.</summary>
    public string? Scenario { get; init; }

    public string? OutFile { get; init; }

    /// <summary>Server for the PostgreSQL-mode rows; null when disabled. Each run works in a scratch database it drops.</summary>
    public string? Postgres { get; init; } = DefaultPostgres;

    /// <summary>Stored tickets in the memory-and-scale scenario (active grains are a tenth of it).</summary>
    public int Scale { get; init; } = 200_000;

    /// <summary>Length of one measured load step (one concurrency level, one arrival rate).</summary>
    public TimeSpan Step => Smoke ? TimeSpan.FromSeconds(0.6) : TimeSpan.FromSeconds(5);

    /// <summary>Warm-up before each measured step (JIT, pools, grain activation paths).</summary>
    public TimeSpan WarmUp => Smoke ? TimeSpan.FromSeconds(0.2) : TimeSpan.FromSeconds(1);

    /// <summary>Concurrent callers of the closed-loop scenarios.</summary>
    public int[] Callers => Smoke ? [1, 32] : [1, 8, 32, 128];

    /// <summary>Fixed arrival rates (tickets per second) of the lifecycle scenario; 200/s carries a target.</summary>
    public int[] Rates => Smoke ? [10, 100] : [10, 100, 200, 500];

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--smoke" => options with { Smoke = true },
                "--scenario" => options with { Scenario = Value() },
                "--out" => options with { OutFile = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--no-postgres" => options with { Postgres = null },
                "--scale" => options with { Scale = int.TryParse(Value(), out var n) && n >= 1_000 ? n : throw new ArgumentException("--scale needs a number of tickets, at least 1000.") },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}"),
            };
        }
        return options;
    }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/LowCode.Benchmarks -- [options]
          --smoke              a few seconds per scenario (CI); without it the full suite runs
          --scenario NAME      run one scenario: engine, ceiling, durable, lifecycle, peer, dispatch, timers, scale
          --out FILE           also write the Markdown table to FILE
          --postgres CONN      Npgsql connection string of the server for PostgreSQL-mode rows (default: local postgres/postgres)
          --no-postgres        skip the PostgreSQL-mode rows
          --scale N            stored tickets in the scale scenario (default 200000; active grains = N/10)
        """;
}
