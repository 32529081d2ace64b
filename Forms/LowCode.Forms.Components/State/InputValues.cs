using System.Collections.Immutable;
using System.Globalization;

namespace LowCode.Forms.Components.State;

/// <summary>
/// Between what native inputs hold (text) and the JSON-natural values the validator takes: text as string,
/// numbers as decimal, date-times as ISO 8601 with an offset, multi-select as a list of strings.
/// Input the value type cannot hold is kept as typed, so the validator names the problem ("must be a number").
/// </summary>
public static class InputValues
{
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Empty text is no value.</summary>
    public static object? FromText(string? text) => string.IsNullOrEmpty(text) ? null : text;

    public static object? FromNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return decimal.TryParse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            ? number : text;
    }

    /// <summary>A stored date-time as a datetime-local input shows it, in the user's time zone.</summary>
    public static string DateTimeLocal(object? value, TimeZoneInfo zone) =>
        value is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            : "";

    /// <summary>A datetime-local input's wall-clock time in the user's time zone, stored with its offset.</summary>
    public static object? FromDateTimeLocal(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return text;
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(wallClock) ? zone.BaseUtcOffset : zone.GetUtcOffset(wallClock);
        return new DateTimeOffset(wallClock, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<string> Choices(object? value) =>
        value is ImmutableArray<object?> { IsDefault: false } items ? items.OfType<string>().ToList() : [];

    /// <summary>The chosen values in the order of the options; none chosen is no value.</summary>
    public static object? FromChoices(IEnumerable<string> chosen) =>
        chosen.ToList() is { Count: > 0 } list ? ImmutableArray.CreateRange<object?>(list) : null;
}
