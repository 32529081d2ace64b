using LowCode.Designer.TicketTypes.Editing;
using LowCode.Grains.Organisation;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests.Editing;

/// <summary>Team inputs suggest the organisation's teams; without an organisation they stay plain text boxes.</summary>
public sealed class TeamSuggestionsTests : BunitContext, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lowcode-teams-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        var database = new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={_file}");
        await new TicketReadModel(database).ApplySchemaAsync(); // the organisation's tables live beside the read model
        var store = new OrgStore(database);
        Assert.True(await store.SaveTeamAsync(new Team("hvac", "暖通组 HVAC"), create: true));
        Assert.True(await store.SaveTeamAsync(new Team("electrical", "机电组 Electrical"), create: true));
        Services.AddLocalization();
        Services.AddSingleton(new OrgDirectory(store));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public void The_organisations_teams_are_offered_by_key_with_their_names()
    {
        var list = Render<TeamSuggestions>(p => p.Add(s => s.Id, "teams"));

        list.WaitForAssertion(() =>
        {
            var options = list.FindAll("datalist#teams option");
            Assert.Equal(["electrical", "hvac"], options.Select(o => o.GetAttribute("value")));
            Assert.Equal("暖通组 HVAC", options[1].TextContent);
        });
    }
}

public sealed class CalendarSuggestionsTests : BunitContext
{
    public CalendarSuggestionsTests() => Services.AddLocalization();

    [Fact]
    public void The_catalogs_calendars_are_offered_by_key_with_their_names()
    {
        var catalog = new LowCode.Grains.TicketTypes.CalendarCatalog();
        Services.AddSingleton(catalog);

        var list = Render<CalendarSuggestions>(p => p.Add(s => s.Id, "calendars"));

        var options = list.FindAll("datalist#calendars option");
        Assert.Equal(catalog.All.Keys.Order(StringComparer.Ordinal), options.Select(o => o.GetAttribute("value")));
        Assert.Contains(options, o => o.GetAttribute("value") == "24x7" && o.TextContent == "24 × 7");
    }
}

public sealed class TeamSuggestionsWithoutOrganisationTests : BunitContext
{
    public TeamSuggestionsWithoutOrganisationTests() => Services.AddLocalization();

    [Fact]
    public void Without_an_organisation_the_list_is_empty()
    {
        var list = Render<TeamSuggestions>(p => p.Add(s => s.Id, "teams"));
        Assert.Empty(list.FindAll("option"));
    }
}
