using LowCode.Runtime.Calendars;

namespace LowCode.Runtime.Tests.Calendars;

/// <summary>
/// A deliberately naive reading of a calendar: convert one real minute at a time to the wall clock
/// and look it up in the week, holidays and make-up days. Slow, obvious, and independent of the
/// implementation — good for cross-checking it on calendars whose periods start and end at whole
/// minutes away from the clock changes.
/// </summary>
internal sealed class WallClockOracle(BusinessCalendar calendar)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);

    public bool IsWorking(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (calendar.Holidays.Any(holiday => holiday.Date == date)) return false;
        if (calendar.Week.Count == 0) return true;
        var weekday = calendar.ExtraWorkingDays.FirstOrDefault(extra => extra.Date == date)?.WorksAs ?? date.DayOfWeek;
        var time = TimeOnly.FromDateTime(local);
        return calendar.Week.Any(period => period.Day == weekday && period.Start <= time
            && (period.End == TimeOnly.MinValue || time < period.End));
    }

    /// <summary>Working minutes in [from, to), both on whole minutes.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = 0;
        for (var minute = from; minute < to; minute = minute.AddMinutes(1))
            if (IsWorking(minute)) minutes++;
        return TimeSpan.FromMinutes(minutes);
    }
}
