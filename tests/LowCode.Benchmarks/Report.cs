using System.Runtime.InteropServices;
using System.Text;

namespace LowCode.Benchmarks;

/// <summary>Rows of measured figures, printed as a Markdown table with the machine they were measured on.</summary>
public sealed class Report
{
    private readonly List<(string Scenario, string Metric, string Value, string Target)> _rows = [];

    public void Add(string scenario, string metric, string value, string target = "") => _rows.Add((scenario, metric, value, target));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine("| scenario | metric | value | target |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var (scenario, metric, value, target) in _rows) text.AppendLine($"| {scenario} | {metric} | {value} | {target} |");
        return text.ToString();
    }
}
