using LowCode.Runtime.Calendars;

namespace LowCode.Runtime.Tests.Calendars;

/// <summary>Calendars and wall-clock helpers shared by the calendar tests.</summary>
internal static class TestCalendars
{
    public const string Berlin = "Europe/Berlin";
    public const string NewYork = "America/New_York";
    public const string Shanghai = "Asia/Shanghai";

    public static readonly DayOfWeek[] AllDays = Enum.GetValues<DayOfWeek>();

    /// <summary>Monday to Friday 09:00–18:00 in Berlin.</summary>
    public static BusinessCalendar BerlinOffice { get; } =
        BusinessCalendar.Standard("berlin", "Berlin office", Berlin, new(9, 0), new(18, 0));

    /// <summary>Monday to Friday 09:00–17:00 in New York with a 12:00–13:00 lunch break.</summary>
    public static BusinessCalendar NewYorkOffice { get; } = new()
    {
        Key = "nyc",
        Name = "New York office",
        TimeZone = NewYork,
        Week =
        [
            .. Enum.GetValues<DayOfWeek>().Where(day => day is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                .SelectMany(day => new[] { new WorkingPeriod(day, new(9, 0), new(12, 0)), new WorkingPeriod(day, new(13, 0), new(17, 0)) }),
        ],
    };

    /// <summary>Every night 22:00–06:00, across midnight and across the night-time clock changes.</summary>
    public static BusinessCalendar NightShift(string zone) => new()
    {
        Key = "night",
        Name = "Night shift",
        TimeZone = zone,
        Week = [.. AllDays.SelectMany(day => new[] { new WorkingPeriod(day, new(22, 0), new(0, 0)), new WorkingPeriod(day, new(0, 0), new(6, 0)) })],
    };

    /// <summary>Open around the clock (empty week) except on Christmas Day.</summary>
    public static BusinessCalendar RoundTheClock(string zone) => new()
    {
        Key = "24x7-holidays",
        Name = "Around the clock",
        TimeZone = zone,
        Holidays = [new(new(2026, 12, 25), "Christmas Day")],
    };

    /// <summary>The wall-clock time in a zone, with the offset the zone has then (not for repeated times).</summary>
    public static DateTimeOffset At(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
    }

    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);
}
