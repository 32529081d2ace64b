using System.Globalization;
using System.Text.RegularExpressions;

namespace LowCode.Designer.TicketTypes.FormDesign;

/// <summary>
/// A place in a form as the form checker spells it: <c>sections[0]</c> is a section, <c>sections[0].fields[3]</c> a field,
/// and anything after that (<c>.visibleWhen</c>, <c>.columns[1].key</c>) a property of the field.
/// </summary>
public readonly partial record struct FormPath(int Section, int? Field)
{
    public static string OfSection(int section) => $"sections[{section}]";
    public static string OfField(int section, int field) => $"sections[{section}].fields[{field}]";

    public override string ToString() => Field is { } field ? OfField(Section, field) : OfSection(Section);

    /// <summary>The section and field a path points into, or null when it names neither (e.g. <c>rules[0]</c>).</summary>
    public static FormPath? Parse(string? path)
    {
        if (path is null || Place().Match(path) is not { Success: true } match) return null;
        var section = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return new FormPath(section, match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>True when <paramref name="path"/> is this place or something inside it.</summary>
    public bool Contains(string? path)
    {
        var self = ToString();
        return path is not null && path.StartsWith(self, StringComparison.Ordinal) && (path.Length == self.Length || path[self.Length] is '.' or '[');
    }

    [GeneratedRegex(@"^sections\[(\d+)\](?:\.fields\[(\d+)\])?")]
    private static partial Regex Place();
}
