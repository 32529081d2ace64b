using LowCode.Runtime.Calendars;
using Xunit;
using static LowCode.Runtime.Tests.Calendars.TestCalendars;

namespace LowCode.Runtime.Tests.Calendars;

/// <summary>
/// 2026 clock changes: Berlin springs forward 02:00→03:00 on 29 March and falls back 03:00→02:00 on
/// 25 October; New York springs forward 02:00→03:00 on 8 March and falls back 02:00→01:00 on 1 November.
/// </summary>
public class DaylightSavingTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1), Cest = TimeSpan.FromHours(2);
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5), Edt = TimeSpan.FromHours(-4);

    [Fact]
    public void A_night_shift_across_spring_forward_in_berlin_lasts_seven_real_hours()
    {
        var night = NightShift(Berlin);
        var start = new DateTimeOffset(2026, 3, 28, 22, 0, 0, Cet);
        var end = new DateTimeOffset(2026, 3, 29, 6, 0, 0, Cest);
        Assert.Equal(Hours(7), night.Between(start, end));
        Assert.Equal(end, night.Add(start, Hours(7)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 30, 0, Cest), night.Add(start, Hours(7.5)));
    }

    [Fact]
    public void A_night_shift_across_fall_back_in_berlin_lasts_nine_real_hours_counting_the_repeated_hour_once()
    {
        var night = NightShift(Berlin);
        var start = new DateTimeOffset(2026, 10, 24, 22, 0, 0, Cest);
        var end = new DateTimeOffset(2026, 10, 25, 6, 0, 0, Cet);
        Assert.Equal(Hours(9), night.Between(start, end));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 5, 30, 0, Cet), night.Add(start, Hours(8.5)));
        var firstHalfPastTwo = new DateTimeOffset(2026, 10, 25, 2, 30, 0, Cest);
        var secondHalfPastTwo = new DateTimeOffset(2026, 10, 25, 2, 30, 0, Cet);
        Assert.Equal(Hours(1), night.Between(firstHalfPastTwo, secondHalfPastTwo));
        Assert.True(night.IsWorkingTime(secondHalfPastTwo));
    }

    [Fact]
    public void A_period_starting_in_the_skipped_hour_begins_when_the_clock_jumps()
    {
        var sundays = new BusinessCalendar { TimeZone = Berlin, Week = [new(DayOfWeek.Sunday, new(2, 30), new(6, 0))] };
        var saturdayNight = new DateTimeOffset(2026, 3, 28, 23, 0, 0, Cet);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, Cest), sundays.NextWorkingTime(saturdayNight));
        Assert.Equal(Hours(3), sundays.Between(saturdayNight, saturdayNight.AddDays(1)));
        Assert.Equal(Hours(3.5), sundays.Between(saturdayNight.AddDays(-7), saturdayNight.AddDays(-6)));
    }

    [Fact]
    public void A_period_ending_in_the_repeated_hour_ends_at_its_first_showing()
    {
        var sundays = new BusinessCalendar { TimeZone = Berlin, Week = [new(DayOfWeek.Sunday, new(1, 0), new(2, 30))] };
        var saturdayNight = new DateTimeOffset(2026, 10, 24, 23, 0, 0, Cest);
        Assert.Equal(Hours(1.5), sundays.Between(saturdayNight, saturdayNight.AddDays(1)));
        Assert.False(sundays.IsWorkingTime(new DateTimeOffset(2026, 10, 25, 2, 15, 0, Cet)));
    }

    [Fact]
    public void An_office_week_across_fall_back_in_berlin_counts_only_office_hours()
    {
        var friday = new DateTimeOffset(2026, 10, 23, 9, 0, 0, Cest);
        var monday = new DateTimeOffset(2026, 10, 26, 18, 0, 0, Cet);
        Assert.Equal(Hours(18), BerlinOffice.Between(friday, monday));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 10, 0, 0, Cet), BerlinOffice.Add(friday, Hours(10)));
    }

    [Fact]
    public void Adding_over_the_new_york_spring_forward_weekend_lands_on_monday_in_daylight_time_shown_in_the_start_offset()
    {
        var fridayAfternoon = new DateTimeOffset(2026, 3, 6, 15, 0, 0, Est);
        var due = NewYorkOffice.Add(fridayAfternoon, Hours(3));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, Edt), due);
        Assert.Equal(Est, due.Offset);
    }

    [Fact]
    public void A_night_shift_across_spring_forward_in_new_york_lasts_seven_real_hours()
    {
        var night = NightShift(NewYork);
        Assert.Equal(Hours(7), night.Between(new DateTimeOffset(2026, 3, 7, 22, 0, 0, Est), new DateTimeOffset(2026, 3, 8, 6, 0, 0, Edt)));
    }

    [Fact]
    public void A_night_shift_across_fall_back_in_new_york_lasts_nine_real_hours()
    {
        var night = NightShift(NewYork);
        var start = new DateTimeOffset(2026, 10, 31, 22, 0, 0, Edt);
        Assert.Equal(Hours(9), night.Between(start, new DateTimeOffset(2026, 11, 1, 6, 0, 0, Est)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, Est), night.Add(start, Hours(4.5)));
    }

    [Fact]
    public void A_round_the_clock_calendar_counts_the_real_length_of_the_days_the_clock_changes()
    {
        var calendar = RoundTheClock(NewYork);
        Assert.Equal(Hours(23), calendar.Between(new DateTimeOffset(2026, 3, 8, 0, 0, 0, Est), new DateTimeOffset(2026, 3, 9, 0, 0, 0, Edt)));
        Assert.Equal(Hours(25), calendar.Between(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Edt), new DateTimeOffset(2026, 11, 2, 0, 0, 0, Est)));
    }
}
