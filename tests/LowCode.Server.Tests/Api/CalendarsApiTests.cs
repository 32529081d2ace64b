using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Administrators add business calendars (hours, holidays, make-up days); wrong entries are named; built-in ones stay as they are.</summary>
public sealed class CalendarsApiTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private const string HangzhouPlant = """
        { "name": "杭州工厂 Hangzhou plant", "timeZone": "Asia/Shanghai",
          "week": [ { "day": "Monday", "start": "08:30:00", "end": "17:30:00" }, { "day": "Tuesday", "start": "08:30:00", "end": "17:30:00" },
                    { "day": "Wednesday", "start": "08:30:00", "end": "17:30:00" }, { "day": "Thursday", "start": "08:30:00", "end": "17:30:00" },
                    { "day": "Friday", "start": "08:30:00", "end": "17:30:00" } ],
          "holidays": [ { "date": "2026-10-01", "name": "国庆节 National Day" } ] }
        """;

    [Fact]
    public async Task A_saved_calendar_is_listed_beside_the_built_in_ones()
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);
        var key = TestTicketTypes.NewKey("hz");

        var saved = await admin.PutJsonAsync($"/api/calendars/{key}", HangzhouPlant).ExpectAsync(HttpStatusCode.OK);
        var listed = await admin.GetAsync("/api/calendars/").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("杭州工厂 Hangzhou plant", saved.Text("name"));
        var keys = listed.EnumerateArray().Select(c => c.Text("key")).ToList();
        Assert.Contains(key, keys);
        Assert.Contains("cn-workdays", keys);
        var mine = listed.EnumerateArray().Single(c => c.Text("key") == key);
        Assert.False(mine.GetProperty("builtIn").GetBoolean());
        Assert.Equal("2026-10-01", mine.GetProperty("definition").Items("holidays").Single().Text("date"));
    }

    [Fact]
    public async Task A_calendar_with_wrong_entries_is_refused_naming_each_one()
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);

        var problem = await admin.PutJsonAsync($"/api/calendars/{TestTicketTypes.NewKey("bad")}", """
            { "name": "Broken", "timeZone": "Mars/Olympus", "week": [ { "day": "Monday", "start": "18:00:00", "end": "09:00:00" } ] }
            """).ExpectProblemAsync(HttpStatusCode.BadRequest);

        var paths = problem.Items("problems").Select(p => p.Text("path")).ToList();
        Assert.Contains("timeZone", paths);
        Assert.Contains("week[0]", paths);
    }

    [Theory]
    [InlineData("cn-workdays", HttpStatusCode.Conflict)]
    [InlineData("24x7", HttpStatusCode.Conflict)]
    [InlineData("Not_A_Key", HttpStatusCode.BadRequest)]
    public async Task Built_in_calendars_and_bad_keys_are_refused(string key, HttpStatusCode status)
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);

        await admin.PutJsonAsync($"/api/calendars/{key}", HangzhouPlant).ExpectProblemAsync(status);
    }
}
