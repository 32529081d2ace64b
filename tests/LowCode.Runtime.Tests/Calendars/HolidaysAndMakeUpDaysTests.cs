using LowCode.Runtime.Calendars;
using Xunit;
using static LowCode.Runtime.Tests.Calendars.TestCalendars;

namespace LowCode.Runtime.Tests.Calendars;

public class HolidaysAndMakeUpDaysTests
{
    private static readonly BusinessCalendar China = BusinessCalendar.ChinaMainland2026();

    [Fact]
    public void Adding_over_the_national_day_week_resumes_after_the_holidays()
    {
        Assert.Equal(At(Shanghai, 2026, 10, 8, 10), China.Add(At(Shanghai, 2026, 9, 30, 17), Hours(2)));
    }

    [Fact]
    public void A_holiday_on_a_weekday_is_not_working_time()
    {
        Assert.False(China.IsWorkingTime(At(Shanghai, 2026, 10, 1, 10)));
        Assert.Equal(TimeSpan.Zero, China.Between(At(Shanghai, 2026, 10, 1, 0), At(Shanghai, 2026, 10, 8, 0)));
    }

    [Fact]
    public void A_make_up_saturday_is_worked_with_monday_hours()
    {
        Assert.True(China.IsWorkingTime(At(Shanghai, 2026, 2, 28, 10)));
        Assert.False(China.IsWorkingTime(At(Shanghai, 2026, 2, 28, 12, 30)));
        Assert.Equal(At(Shanghai, 2026, 2, 28, 10), China.Add(At(Shanghai, 2026, 2, 27, 17), Hours(2)));
    }

    [Fact]
    public void A_make_up_sunday_counts_a_full_working_day()
    {
        Assert.Equal(Hours(8), China.Between(At(Shanghai, 2026, 1, 4, 0), At(Shanghai, 2026, 1, 5, 0)));
    }

    [Fact]
    public void A_make_up_day_can_work_the_hours_of_another_weekday()
    {
        var shortFridays = new BusinessCalendar
        {
            TimeZone = Berlin,
            Week = [new(DayOfWeek.Monday, new(9, 0), new(17, 0)), new(DayOfWeek.Friday, new(9, 0), new(13, 0))],
            ExtraWorkingDays = [new(new(2026, 1, 10), "Saturday as Friday", DayOfWeek.Friday), new(new(2026, 1, 11), "Sunday as Monday")],
        };
        Assert.Equal(Hours(4), shortFridays.Between(At(Berlin, 2026, 1, 10, 0), At(Berlin, 2026, 1, 11, 0)));
        Assert.Equal(Hours(8), shortFridays.Between(At(Berlin, 2026, 1, 11, 0), At(Berlin, 2026, 1, 12, 0)));
    }

    [Fact]
    public void The_spring_festival_closes_nine_days_and_both_make_up_saturdays_are_worked()
    {
        // Feb 9–28: weekdays Feb 9–13 and Feb 24–27 plus the Saturdays Feb 14 and 28, eleven days of eight hours.
        Assert.Equal(Hours(11 * 8), China.Between(At(Shanghai, 2026, 2, 9, 0), At(Shanghai, 2026, 3, 1, 0)));
    }

    [Fact]
    public void A_round_the_clock_calendar_still_closes_on_its_holidays()
    {
        var calendar = RoundTheClock(Berlin);
        Assert.False(calendar.IsWorkingTime(At(Berlin, 2026, 12, 25, 12)));
        Assert.Equal(At(Berlin, 2026, 12, 26, 1), calendar.Add(At(Berlin, 2026, 12, 24, 23), Hours(2)));
    }

    [Fact]
    public void Changing_the_time_zone_of_a_copy_moves_its_working_hours()
    {
        var shanghai = BerlinOffice with { TimeZone = Shanghai };
        var fivePmInBerlin = At(Berlin, 2026, 1, 12, 17); // midnight in Shanghai
        Assert.True(BerlinOffice.IsWorkingTime(fivePmInBerlin));
        Assert.False(shanghai.IsWorkingTime(fivePmInBerlin));
    }
}
