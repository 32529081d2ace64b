using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace LowCode.Forms.Schema;

/// <summary>A field key is an identifier, so expressions can name it as <c>form.Key</c>.</summary>
public static partial class FieldKey
{
    public static bool IsValid([NotNullWhen(true)] string? key) => !string.IsNullOrEmpty(key) && Identifier().IsMatch(key);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$")]
    private static partial Regex Identifier();
}
