namespace LowCode.Runtime.Calendars;

/// <summary>PLACEHOLDER — being implemented (business hours, holidays, make-up working days, time zone).</summary>
public sealed record BusinessCalendar
{
    public static readonly BusinessCalendar AlwaysOpen = new() { Key = "24x7", Name = "24 × 7" };

    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string TimeZone { get; init; } = "UTC";

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessDuration) => start + businessDuration;
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => to - from;
    public bool IsWorkingTime(DateTimeOffset instant) => true;
}
