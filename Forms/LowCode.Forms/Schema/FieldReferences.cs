using System.Text.RegularExpressions;

namespace LowCode.Forms.Schema;

/// <summary>
/// The form fields an expression reads (<c>form.Lines.Sum("Amount")</c> reads <c>Lines</c>).
/// String literals are skipped, so <c>"form.X"</c> inside quotes is not a reference.
/// </summary>
public static partial class FieldReferences
{
    public static IReadOnlySet<string> Of(string? expression)
    {
        if (string.IsNullOrEmpty(expression)) return new HashSet<string>();
        var code = StringLiteral().Replace(expression, "\"\"");
        return FormMember().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("\"(?:\\\\.|[^\"\\\\])*\"?|'(?:\\\\.|[^'\\\\])*'?", RegexOptions.None, 200)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.])form\s*\.\s*([A-Za-z_]\w*)", RegexOptions.None, 200)]
    private static partial Regex FormMember();
}
