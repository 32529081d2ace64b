using System.Text.Json;
using System.Text.Json.Serialization;
using LowCode.Runtime.Calendars;
using Xunit;
using static LowCode.Runtime.Tests.Calendars.TestCalendars;

namespace LowCode.Runtime.Tests.Calendars;

public class ValidationTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void The_demo_and_standard_calendars_have_no_problems()
    {
        Assert.Empty(BusinessCalendar.ChinaMainland2026().Validate());
        Assert.Empty(BerlinOffice.Validate());
        Assert.Empty(NightShift(NewYork).Validate());
        Assert.Empty(BusinessCalendar.AlwaysOpen.Validate());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public void An_unknown_time_zone_is_reported(string timeZone)
    {
        var problem = Assert.Single((BerlinOffice with { TimeZone = timeZone }).Validate());
        Assert.Contains("timeZone", problem);
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_reported_with_its_position()
    {
        var calendar = BerlinOffice with { Week = [.. BerlinOffice.Week, new(DayOfWeek.Saturday, new(18, 0), new(9, 0))] };
        var problem = Assert.Single(calendar.Validate());
        Assert.StartsWith("week[5] (Saturday 18:00–09:00)", problem);
    }

    [Fact]
    public void Overlapping_periods_on_a_day_are_reported_and_counted_once()
    {
        var calendar = new BusinessCalendar
        {
            TimeZone = Berlin,
            Week = [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(11, 0), new(14, 0))],
        };
        var problem = Assert.Single(calendar.Validate());
        Assert.Equal("week[0] (Monday 09:00–12:00) and week[1] (Monday 11:00–14:00) overlap.", problem);
        Assert.Equal(Hours(5), calendar.Between(At(Berlin, 2026, 1, 12, 0), At(Berlin, 2026, 1, 13, 0)));
    }

    [Fact]
    public void A_make_up_day_that_is_also_a_holiday_is_reported()
    {
        var calendar = BerlinOffice with { Holidays = [new(new(2026, 1, 10), "Party")], ExtraWorkingDays = [new(new(2026, 1, 10))] };
        Assert.Contains("holiday \"Party\"", Assert.Single(calendar.Validate()));
        Assert.False(calendar.IsWorkingTime(At(Berlin, 2026, 1, 10, 10)));
    }

    [Fact]
    public void Adding_on_a_calendar_without_any_working_time_throws_a_clear_error_and_measuring_gives_zero()
    {
        var calendar = new BusinessCalendar { Key = "broken", TimeZone = Berlin, Week = [new(DayOfWeek.Monday, new(17, 0), new(9, 0))] };
        Assert.Contains(calendar.Validate(), problem => problem.Contains("no working time"));
        var error = Assert.Throws<ArgumentException>(() => calendar.Add(At(Berlin, 2026, 1, 12, 10), Hours(1)));
        Assert.Contains("'broken' has no working time", error.Message);
        Assert.Equal(TimeSpan.Zero, calendar.Between(At(Berlin, 2026, 1, 1, 0), At(Berlin, 2027, 1, 1, 0)));
    }

    [Fact]
    public void Using_a_calendar_with_an_unknown_time_zone_names_the_zone()
    {
        var calendar = BerlinOffice with { TimeZone = "Berlin" };
        var error = Assert.Throws<InvalidOperationException>(() => calendar.IsWorkingTime(DateTimeOffset.UnixEpoch));
        Assert.Contains("'Berlin'", error.Message);
    }

    [Fact]
    public void A_calendar_survives_a_json_round_trip_with_camel_case_names_and_string_enums()
    {
        var china = BusinessCalendar.ChinaMainland2026();
        var json = JsonSerializer.Serialize(china, Json);
        Assert.Contains("\"extraWorkingDays\":[{\"date\":\"2026-01-04\"", json);
        Assert.Contains("\"day\":\"Monday\",\"start\":\"09:00:00\"", json);
        Assert.Equal(china, JsonSerializer.Deserialize<BusinessCalendar>(json, Json));
    }

    [Fact]
    public void Bad_data_from_json_loads_and_is_listed_by_validate_without_throwing()
    {
        const string json = """
            {
              "key": "bad", "timeZone": null,
              "week": [ { "day": "Monday", "start": "18:00:00", "end": "09:00:00" }, null, { "day": 9, "start": "09:00:00", "end": "10:00:00" } ],
              "holidays": null,
              "extraWorkingDays": [ { "date": "2026-01-10" } ]
            }
            """;
        var calendar = JsonSerializer.Deserialize<BusinessCalendar>(json, Json)!;
        var problems = calendar.Validate();
        Assert.Equal(DayOfWeek.Monday, calendar.ExtraWorkingDays[0].WorksAs);
        Assert.Contains(problems, problem => problem.StartsWith("timeZone is empty"));
        Assert.Contains(problems, problem => problem.StartsWith("week[0] (Monday 18:00–09:00)"));
        Assert.Contains("week[1] is empty.", problems);
        Assert.Contains("week[2]: 9 is not a day of the week.", problems);
        Assert.Contains(problems, problem => problem.StartsWith("extraWorkingDays[0] (2026-01-10) works as Monday"));
    }
}
