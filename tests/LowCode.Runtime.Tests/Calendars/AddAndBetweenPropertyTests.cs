using LowCode.Runtime.Calendars;
using Xunit;
using static LowCode.Runtime.Tests.Calendars.TestCalendars;

namespace LowCode.Runtime.Tests.Calendars;

/// <summary>Laws that hold for every start and duration, checked on many seeded random cases.</summary>
public class AddAndBetweenPropertyTests
{
    public static TheoryData<string> Calendars => [.. CalendarsByName.Keys];

    private static readonly Dictionary<string, BusinessCalendar> CalendarsByName = new()
    {
        ["berlin office"] = BerlinOffice,
        ["new york office with lunch"] = NewYorkOffice,
        ["china 2026"] = BusinessCalendar.ChinaMainland2026(),
        ["berlin night shift"] = NightShift(Berlin),
        ["new york night shift"] = NightShift(NewYork),
        ["berlin round the clock"] = RoundTheClock(Berlin),
    };

    // Clock changes of 2026 in Berlin and New York; half of the random spans start near one of them.
    private static readonly DateTimeOffset[] ClockChanges =
    [
        new(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero),
        new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero),
    ];

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Between_a_start_and_the_result_of_adding_a_duration_is_that_duration(string name)
    {
        var calendar = CalendarsByName[name];
        var random = new Random(20260101);
        for (var i = 0; i < 500; i++)
        {
            var start = RandomInstant(random);
            var duration = RandomDuration(random);

            var due = calendar.Add(start, duration);
            var from = calendar.Add(start, -duration);

            Assert.Equal(start.Offset, due.Offset);
            Assert.True(due >= start, $"{name}: {start:o} + {duration} gave {due:o}");
            Assert.Equal(duration, calendar.Between(start, due));
            Assert.Equal(duration, calendar.Between(from, start));
            Assert.Equal(-duration, calendar.Between(due, start));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Adding_in_two_steps_lands_where_adding_at_once_lands(string name)
    {
        var calendar = CalendarsByName[name];
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var start = RandomInstant(random);
            TimeSpan first = RandomDuration(random), second = RandomDuration(random);
            Assert.Equal(calendar.Add(start, first + second), calendar.Add(calendar.Add(start, first), second));
            Assert.Equal(calendar.Add(start, -(first + second)), calendar.Add(calendar.Add(start, -first), -second));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Between_and_working_time_agree_with_a_minute_by_minute_wall_clock_reading(string name)
    {
        var calendar = CalendarsByName[name];
        var oracle = new WallClockOracle(calendar);
        var random = new Random(7);
        for (var i = 0; i < 25; i++)
        {
            var from = WholeMinute(RandomInstant(random));
            var to = from.AddMinutes(random.Next(0, 4 * 24 * 60));
            Assert.Equal(oracle.Between(from, to), calendar.Between(from, to));
            for (var probe = 0; probe < 50; probe++)
            {
                var instant = from.AddMinutes(random.Next(0, 4 * 24 * 60));
                Assert.Equal(oracle.IsWorking(instant), calendar.IsWorkingTime(instant));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void The_next_working_time_is_working_time_with_no_working_time_before_it(string name)
    {
        var calendar = CalendarsByName[name];
        var random = new Random(99);
        for (var i = 0; i < 300; i++)
        {
            var instant = RandomInstant(random);
            var next = calendar.NextWorkingTime(instant);
            Assert.True(calendar.IsWorkingTime(next), $"{name}: next working time {next:o} after {instant:o}");
            Assert.Equal(TimeSpan.Zero, calendar.Between(instant, next));
        }
    }

    private static DateTimeOffset RandomInstant(Random random)
    {
        var offset = TimeSpan.FromHours(random.Next(-11, 13));
        var instant = random.Next(2) == 0
            ? ClockChanges[random.Next(ClockChanges.Length)].AddMinutes(random.Next(-5 * 24 * 60, 5 * 24 * 60))
            : new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 2 * 366 * 24 * 60));
        return instant.AddTicks(random.NextInt64(0, TimeSpan.TicksPerMinute)).ToOffset(offset);
    }

    // Mostly minutes to a few days, sometimes months; never zero.
    private static TimeSpan RandomDuration(Random random) => random.Next(4) switch
    {
        0 => TimeSpan.FromTicks(random.NextInt64(1, TimeSpan.TicksPerHour)),
        1 or 2 => TimeSpan.FromMinutes(random.Next(1, 60 * 60)),
        _ => TimeSpan.FromMinutes(random.Next(1, 2000 * 60)),
    };

    private static DateTimeOffset WholeMinute(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerMinute));
}
