using LowCode.Runtime.Calendars;
using Xunit;
using static LowCode.Runtime.Tests.Calendars.TestCalendars;

namespace LowCode.Runtime.Tests.Calendars;

public class AddingBusinessTimeTests
{
    private static readonly BusinessCalendar Office = BerlinOffice;

    [Fact]
    public void Adding_within_a_working_day_is_plain_addition()
    {
        Assert.Equal(At(Berlin, 2026, 1, 12, 13), Office.Add(At(Berlin, 2026, 1, 12, 10), Hours(3)));
    }

    [Fact]
    public void Adding_past_closing_time_continues_the_next_morning()
    {
        Assert.Equal(At(Berlin, 2026, 1, 13, 10), Office.Add(At(Berlin, 2026, 1, 12, 17), Hours(2)));
    }

    [Fact]
    public void Adding_four_business_hours_on_friday_afternoon_lands_on_monday_morning()
    {
        Assert.Equal(At(Berlin, 2026, 1, 19, 11), Office.Add(At(Berlin, 2026, 1, 16, 16), Hours(4)));
    }

    [Fact]
    public void Adding_exactly_the_rest_of_the_day_lands_at_closing_time_not_the_next_morning()
    {
        Assert.Equal(At(Berlin, 2026, 1, 12, 18), Office.Add(At(Berlin, 2026, 1, 12, 16), Hours(2)));
    }

    [Fact]
    public void Adding_exactly_two_working_weeks_from_a_sunday_lands_at_friday_closing_time()
    {
        Assert.Equal(At(Berlin, 2026, 1, 23, 18), Office.Add(At(Berlin, 2026, 1, 11, 12), Hours(90)));
        Assert.Equal(At(Berlin, 2026, 1, 12, 9), Office.Add(At(Berlin, 2026, 1, 24, 12), Hours(-90)));
    }

    [Fact]
    public void Adding_skips_the_lunch_break()
    {
        var china = BusinessCalendar.ChinaMainland2026();
        Assert.Equal(At(Shanghai, 2026, 3, 2, 14), china.Add(At(Shanghai, 2026, 3, 2, 11), Hours(2)));
    }

    [Fact]
    public void Adding_from_a_saturday_night_starts_counting_on_monday_morning()
    {
        Assert.Equal(At(Berlin, 2026, 1, 19, 10), Office.Add(At(Berlin, 2026, 1, 17, 23), Hours(1)));
    }

    [Fact]
    public void Adding_from_before_opening_starts_counting_at_opening()
    {
        Assert.Equal(At(Berlin, 2026, 1, 12, 9, 30), Office.Add(At(Berlin, 2026, 1, 12, 7), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Adding_zero_returns_the_start_even_outside_working_time()
    {
        var saturday = At(Berlin, 2026, 1, 17, 3);
        Assert.Equal(saturday, Office.Add(saturday, TimeSpan.Zero));
    }

    [Fact]
    public void Adding_a_negative_duration_counts_backwards_to_the_previous_working_day()
    {
        Assert.Equal(At(Berlin, 2026, 1, 16, 17), Office.Add(At(Berlin, 2026, 1, 19, 10), Hours(-2)));
    }

    [Fact]
    public void Counting_backwards_exactly_to_opening_lands_at_opening()
    {
        Assert.Equal(At(Berlin, 2026, 1, 12, 9), Office.Add(At(Berlin, 2026, 1, 12, 11), Hours(-2)));
    }

    [Fact]
    public void The_result_keeps_the_offset_of_the_start()
    {
        var start = new DateTimeOffset(2026, 1, 16, 7, 0, 0, TimeSpan.Zero); // 08:00 in Berlin
        var due = Office.Add(start, Hours(4));
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 16, 12, 0, 0, TimeSpan.Zero), due); // 13:00 in Berlin
    }

    [Fact]
    public void Adding_ten_thousand_business_hours_skips_weeks_and_lands_on_the_same_instant_as_adding_in_small_steps()
    {
        var china = BusinessCalendar.ChinaMainland2026();
        var start = At(Shanghai, 2026, 1, 5, 10);
        var stepped = start;
        for (var i = 0; i < 1000; i++) stepped = china.Add(stepped, Hours(10));

        var due = china.Add(start, Hours(10_000));

        Assert.Equal(stepped, due);
        Assert.Equal(Hours(10_000), china.Between(start, due));
    }

    [Fact]
    public void Next_working_time_of_a_working_instant_is_the_instant_itself()
    {
        var tuesday = At(Berlin, 2026, 1, 13, 10, 15);
        Assert.Equal(tuesday, Office.NextWorkingTime(tuesday));
    }

    [Fact]
    public void Next_working_time_after_closing_on_friday_is_monday_opening_in_the_callers_offset()
    {
        var fridayEvening = new DateTimeOffset(2026, 1, 17, 4, 0, 0, TimeSpan.FromHours(9)); // 20:00 in Berlin
        var next = Office.NextWorkingTime(fridayEvening);
        Assert.Equal(At(Berlin, 2026, 1, 19, 9), next);
        Assert.Equal(TimeSpan.FromHours(9), next.Offset);
    }

    [Fact]
    public void Closing_time_itself_is_not_working_time()
    {
        Assert.True(Office.IsWorkingTime(At(Berlin, 2026, 1, 12, 17, 59)));
        Assert.False(Office.IsWorkingTime(At(Berlin, 2026, 1, 12, 18)));
        Assert.True(Office.IsWorkingTime(At(Berlin, 2026, 1, 12, 9)));
    }
}
