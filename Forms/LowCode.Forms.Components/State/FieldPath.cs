using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LowCode.Forms.Components.State;

/// <summary>
/// Where a value lives in the form data, written the way the validator writes problem paths:
/// <c>Amount</c>, <c>Lines[1].Amount</c>, or <c>Receipts[0]</c> (one file of a file field).
/// </summary>
public readonly partial record struct FieldPath(string Key, int? Row = null, string? Column = null)
{
    public static FieldPath Of(string key) => new(key);

    public FieldPath Cell(int row, string column) => new(Key, row, column);

    public bool IsCell => Row is not null && Column is not null;

    public override string ToString() =>
        Row is not { } row ? Key : Column is null ? $"{Key}[{row}]" : $"{Key}[{row}].{Column}";

    /// <summary>Reads a problem path; anything unusual is kept whole as a key.</summary>
    public static FieldPath Parse(string? path)
    {
        var match = Shape().Match(path ?? "");
        if (!match.Success) return new(path ?? "");
        var row = match.Groups["row"].Success ? int.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture) : (int?)null;
        return new(match.Groups["key"].Value, row, match.Groups["column"].Success ? match.Groups["column"].Value : null);
    }

    /// <summary>An element id for this path, unique within one form: <c>gf-Lines-1-Amount</c>.</summary>
    public string ToId(string prefix)
    {
        var id = new StringBuilder(prefix).Append('-');
        foreach (var c in ToString().Replace("].", "-", StringComparison.Ordinal))
            id.Append(c switch
            {
                '[' => "-",
                ']' => "",
                _ when char.IsAsciiLetterOrDigit(c) || c is '_' or '-' => c.ToString(),
                _ => "_",
            });
        return id.ToString();
    }

    [GeneratedRegex(@"^(?<key>[^\[\]]+)(\[(?<row>\d{1,9})\](\.(?<column>[^\[\]]+))?)?$")]
    private static partial Regex Shape();
}
