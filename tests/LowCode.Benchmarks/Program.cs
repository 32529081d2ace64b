using LowCode.Benchmarks;

// Engine micro-benchmarks: `dotnet run -c Release --project tests/LowCode.Benchmarks -- [--smoke] [--out results.md]`.
var smoke = args.Contains("--smoke");
var outIndex = Array.IndexOf(args, "--out");
var report = new Report();

EngineBenchmarks.Run(report, smoke);

Console.WriteLine(report.ToMarkdown());
if (outIndex >= 0 && outIndex + 1 < args.Length) File.WriteAllText(args[outIndex + 1], report.ToMarkdown());
