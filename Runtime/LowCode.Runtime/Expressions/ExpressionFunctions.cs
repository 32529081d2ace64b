using System.Text.RegularExpressions;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// Functions every expression can call by name: <c>IsBlank(form.Note)</c>, <c>Hours(4)</c>,
/// <c>Matches(form.Phone, "^1[3-9]\\d{9}$")</c>. Each is pure and bounded in time.
/// </summary>
public static class ExpressionFunctions
{
    /// <summary>How long a regular expression may run before the expression fails.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);
    public static bool IsSet(DateTimeOffset instant) => instant != DateTimeOffset.MinValue;
    public static TimeSpan Days(double days) => TimeSpan.FromDays(days);
    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);
    public static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(minutes);
    public static decimal Round(decimal value, int decimals) => Math.Round(value, Math.Clamp(decimals, 0, 28), MidpointRounding.AwayFromZero);
    public static string Coalesce(string? first, string? second) => string.IsNullOrEmpty(first) ? second ?? "" : first;
    public static string Text(object? value) => DataTypes.ToText(value);

    public static bool Matches(string? text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text ?? "", pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new TimeoutException($"The pattern '{pattern}' took longer than {RegexTimeout.TotalMilliseconds} ms.");
        }
    }

    internal static IEnumerable<(string Name, Delegate Function)> All()
    {
        yield return (nameof(IsBlank), IsBlank);
        yield return (nameof(IsSet), IsSet);
        yield return (nameof(Days), Days);
        yield return (nameof(Hours), Hours);
        yield return (nameof(Minutes), Minutes);
        yield return (nameof(Round), Round);
        yield return (nameof(Coalesce), Coalesce);
        yield return (nameof(Text), Text);
        yield return (nameof(Matches), Matches);
    }
}
