namespace LowCode.Runtime.Calendars;

public sealed partial record BusinessCalendar
{
    /// <summary>
    /// The same hours on each of <paramref name="days"/> (Monday to Friday when none are given), e.g.
    /// <c>Standard("berlin", "Berlin office", "Europe/Berlin", new(9, 0), new(17, 0))</c>.
    /// </summary>
    public static BusinessCalendar Standard(
        string key, string name, string timeZone, TimeOnly start, TimeOnly end, params DayOfWeek[] days) =>
        new()
        {
            Key = key,
            Name = name,
            TimeZone = timeZone,
            Week = [.. (days is { Length: > 0 } ? days : MondayToFriday).Select(day => new WorkingPeriod(day, start, end))],
        };

    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
