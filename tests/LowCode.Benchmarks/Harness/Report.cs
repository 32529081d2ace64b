using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LowCode.Benchmarks.Harness;

/// <summary>A measured number with its unit; <see cref="AtLeast"/> marks a lower bound (e.g. work left unfinished).</summary>
public readonly record struct Figure(double Value, string Unit, int Decimals = 0, bool AtLeast = false)
{
    public override string ToString() =>
        (AtLeast ? "≥ " : "") + Value.ToString("N" + Decimals, CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : "");
}

/// <summary>A goal from the issue, and how to tell whether a row meets it.</summary>
public sealed record Target(string Text, Func<Row, bool?> Met)
{
    public static Target AtMost(string text, double limit) => new(text, r => r.Value is { } v ? v.Value <= limit && !v.AtLeast : null);
    public static Target AtLeast(string text, double limit) => new(text, r => r.Value is { } v ? v.Value >= limit : null);
    public static Target RatioAtLeast(string text, double limit) => new(text, r => r.Ratio is { } ratio ? ratio >= limit : null);
    /// <summary>Shown beside the figure for context; judged elsewhere.</summary>
    public static Target Info(string text) => new(text, _ => null);
}

/// <summary>One line of the table: LowCode's figure beside the baseline measured in the same run.</summary>
public sealed record Row(string Scenario, string Metric, Figure? Value)
{
    public string? Baseline { get; init; }
    public Figure? BaselineValue { get; init; }
    public Target? Target { get; init; }
    /// <summary>Shown in place of a figure when the row was not measured (and why).</summary>
    public string? Skipped { get; init; }

    public double? Ratio => Value is { } v && BaselineValue is { Value: > 0 } b ? v.Value / b.Value : null;
}

/// <summary>Rows of measured figures and notes, printed as one Markdown table with the machine they were measured on.</summary>
public sealed class Report
{
    private readonly List<Row> _rows = [];
    private readonly List<string> _notes = [];
    private readonly object _gate = new();

    public IReadOnlyList<Row> Rows { get { lock (_gate) return [.. _rows]; } }

    public Row Add(Row row)
    {
        lock (_gate) _rows.Add(row);
        Console.Error.WriteLine($"  {row.Scenario} | {row.Metric} | {Cell(row)} | {BaselineCell(row)} | {RatioCell(row)}");
        return row;
    }

    public void Add(string scenario, string metric, Figure value, string? target = null) =>
        Add(new Row(scenario, metric, value) { Target = target is null ? null : Target.Info(target) });

    public void Skip(string scenario, string metric, string why) => Add(new Row(scenario, metric, null) { Skipped = why });

    public void Note(string note)
    {
        lock (_gate) if (!_notes.Contains(note)) _notes.Add(note);
    }

    public string ToMarkdown(string mode)
    {
        var text = new StringBuilder();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; mode: {mode}");
        text.AppendLine();
        text.AppendLine("| scenario | metric | LowCode | baseline (same run) | ratio | target | verdict |");
        text.AppendLine("|---|---|---:|---|---:|---|---|");
        foreach (var row in Rows)
            text.AppendLine($"| {row.Scenario} | {row.Metric} | {Cell(row)} | {BaselineCell(row)} | {RatioCell(row)} | {row.Target?.Text} | {Verdict(row)} |");
        if (_notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Notes:");
            foreach (var note in _notes) text.AppendLine($"- {note}");
        }
        return text.ToString();
    }

    private static string Cell(Row row) => row.Value?.ToString() ?? $"skipped: {row.Skipped}";

    private static string BaselineCell(Row row) => row.BaselineValue is { } b ? $"{b} ({row.Baseline})" : row.Baseline ?? "";

    private static string RatioCell(Row row) => row.Ratio is { } r ? r.ToString(r >= 10 ? "N1" : "N2", CultureInfo.InvariantCulture) + "×" : "";

    private static string Verdict(Row row) => row.Target?.Met(row) switch
    {
        true => "pass",
        false => "**falls short**",
        null => "",
    };
}
