using System.Diagnostics;
using LowCode.Benchmarks.Harness;
using LowCode.Benchmarks.Scenarios;

// The benchmarks of issue #9: `dotnet run -c Release --project tests/LowCode.Benchmarks -- [--smoke] [--scenario NAME] [--out FILE] [--postgres CONN] [--scale N]`.
BenchOptions options;
try { options = BenchOptions.Parse(args); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }

var scenarios = ScenarioCatalog.All.Where(s => options.Scenario is null || s.Name == options.Scenario).ToList();
if (scenarios.Count == 0)
{
    Console.Error.WriteLine($"No scenario '{options.Scenario}'. Scenarios: {string.Join(", ", ScenarioCatalog.All.Select(s => s.Name))}.");
    return 2;
}

SqliteCommits.Install(); // before any SQLite connection opens
var missing = options.Postgres is null ? "PostgreSQL rows disabled (--no-postgres)" : await Postgres.ProbeAsync(options.Postgres);
var report = new Report();
var clock = Stopwatch.StartNew();
var failed = 0;
await using (var run = new RunContext(options, report, missing is null ? new Postgres(options.Postgres!) : null, missing))
{
    if (missing is not null) report.Note($"PostgreSQL-mode rows skipped: {missing}.");
    foreach (var scenario in scenarios)
    {
        Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {scenario.Name}");
        if (options.Smoke && !scenario.InSmoke) { report.Skip(scenario.Name, "not run in smoke mode", "full mode only (run without --smoke)"); continue; }
        try { await scenario.RunAsync(run); }
        catch (Exception e)
        {
            // One broken scenario must not hide the others' figures; the exit code still says it failed.
            failed++;
            report.Skip(scenario.Name, "scenario failed", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
            Console.Error.WriteLine(e);
        }
    }
}
Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] done");

var markdown = report.ToMarkdown(options.Smoke ? "smoke" : "full");
Console.WriteLine(markdown);
if (options.OutFile is not null) await File.WriteAllTextAsync(options.OutFile, markdown);
return failed == 0 ? 0 : 1;
