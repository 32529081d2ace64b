using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LowCode.Designer.TicketTypes.Settings;

/// <summary>Durations as analysts type them: <c>30m</c>, <c>4h</c>, <c>2d</c>, <c>1d 4h 30m</c> (days are 24 hours of the clock the target counts).</summary>
public static partial class DurationText
{
    public static string Format(TimeSpan length)
    {
        var text = new StringBuilder();
        if (length.Days > 0) text.Append(CultureInfo.InvariantCulture, $"{length.Days}d ");
        if (length.Hours > 0) text.Append(CultureInfo.InvariantCulture, $"{length.Hours}h ");
        if (length.Minutes > 0 || text.Length == 0) text.Append(CultureInfo.InvariantCulture, $"{length.Minutes}m");
        return text.ToString().Trim();
    }

    /// <summary>The length typed, or null when the text is not a duration.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || Shape().Match(text.Trim().ToLowerInvariant()) is not { Success: true } match) return null;
        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        if (!match.Groups["d"].Success && !match.Groups["h"].Success && !match.Groups["m"].Success) return null;
        return new TimeSpan(Part(match.Groups["d"]), Part(match.Groups["h"]), Part(match.Groups["m"]), 0);
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})\s*d)?\s*(?:(?<h>\d{1,5})\s*h)?\s*(?:(?<m>\d{1,6})\s*m(?:in)?)?$")]
    private static partial Regex Shape();
}
