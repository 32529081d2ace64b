using LowCode.Runtime.Calendars;
using Xunit;
using static LowCode.Runtime.Tests.Calendars.TestCalendars;

namespace LowCode.Runtime.Tests.Calendars;

public class MeasuringBusinessTimeTests
{
    private static readonly BusinessCalendar Office = BerlinOffice;

    [Fact]
    public void Time_over_night_and_weekend_does_not_count()
    {
        Assert.Equal(Hours(4), Office.Between(At(Berlin, 2026, 1, 16, 16), At(Berlin, 2026, 1, 19, 11)));
    }

    [Fact]
    public void A_whole_working_week_counts_forty_five_hours()
    {
        Assert.Equal(Hours(45), Office.Between(At(Berlin, 2026, 1, 12, 0), At(Berlin, 2026, 1, 19, 0)));
    }

    [Fact]
    public void The_lunch_break_does_not_count()
    {
        Assert.Equal(Hours(6), NewYorkOffice.Between(At(NewYork, 2026, 1, 12, 10), At(NewYork, 2026, 1, 12, 17)));
    }

    [Fact]
    public void Measuring_backwards_gives_a_negative_duration()
    {
        Assert.Equal(Hours(-4), Office.Between(At(Berlin, 2026, 1, 19, 11), At(Berlin, 2026, 1, 16, 16)));
    }

    [Fact]
    public void Measuring_from_an_instant_to_itself_gives_zero()
    {
        var now = At(Berlin, 2026, 1, 14, 10);
        Assert.Equal(TimeSpan.Zero, Office.Between(now, now));
    }

    [Fact]
    public void Measuring_entirely_outside_working_time_gives_zero()
    {
        Assert.Equal(TimeSpan.Zero, Office.Between(At(Berlin, 2026, 1, 17, 8), At(Berlin, 2026, 1, 19, 8, 59)));
    }

    [Fact]
    public void Instants_in_different_offsets_are_measured_as_the_same_real_instants()
    {
        var fromInTokyo = new DateTimeOffset(2026, 1, 12, 18, 0, 0, TimeSpan.FromHours(9)); // 10:00 in Berlin
        Assert.Equal(Hours(2), Office.Between(fromInTokyo, At(Berlin, 2026, 1, 12, 12)));
    }

    [Fact]
    public void Measuring_a_year_counts_every_working_day_once()
    {
        // 2026 has 261 weekdays.
        Assert.Equal(Hours(261 * 9), Office.Between(At(Berlin, 2026, 1, 1, 0), At(Berlin, 2027, 1, 1, 0)));
    }
}
