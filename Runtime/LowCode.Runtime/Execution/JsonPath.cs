using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LowCode.Runtime.Execution;

/// <summary>The small JSON path dialect response mappings use: <c>$</c>, <c>.name</c> and <c>[index]</c>.</summary>
public static partial class JsonPath
{
    [GeneratedRegex(@"^\$((\.[A-Za-z_][A-Za-z0-9_\-]*)|(\[\d{1,6}\]))*$")]
    private static partial Regex Syntax();

    [GeneratedRegex(@"\.([A-Za-z_][A-Za-z0-9_\-]*)|\[(\d+)\]")]
    private static partial Regex Segment();

    public static bool IsValid(string? path) => path is not null && Syntax().IsMatch(path);

    /// <summary>The value at <paramref name="path"/> as a stored (JSON-natural) value; false when absent.</summary>
    public static bool TrySelect(JsonElement root, string path, out object? value)
    {
        value = null;
        var current = root;
        foreach (Match m in Segment().Matches(path))
        {
            if (m.Groups[1].Success)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(m.Groups[1].Value, out current)) return false;
            }
            else
            {
                var index = int.Parse(m.Groups[2].Value);
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength()) return false;
                current = current[index];
            }
        }
        value = ToValue(current);
        return true;
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : (decimal)element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToImmutableArray(),
        JsonValueKind.Object => element.EnumerateObject().ToImmutableDictionary(p => p.Name, p => ToValue(p.Value)),
        _ => null,
    };
}
