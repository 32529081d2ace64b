using System.Net;
using System.Text.Json;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>The ticket list: filters, text search and paging over the read model, newest first.</summary>
public sealed class TicketListTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Pages_cover_every_ticket_once_newest_first_with_the_total_on_each_page()
    {
        var key = await _client.PublishDeskMoveAsync("paged");
        var opened = new List<string>();
        for (var i = 1; i <= 7; i++)
            opened.Add((await _client.OpenTicketAsync(key, $$"""{ "Summary": "Desk {{i}}" }""")).Text("id"));

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 4; page++)
            pages.Add(await _client.ListAsync($"type={key}&pageSize=3&page={page}"));

        Assert.Equal([3, 3, 1, 0], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(7, p.GetProperty("total").GetInt64()));
        Assert.All(pages, p => Assert.Equal(3, p.GetProperty("pageSize").GetInt32()));
        Assert.Equal([1, 2, 3, 4], pages.Select(p => p.GetProperty("page").GetInt32()));
        var rows = pages.SelectMany(p => p.Items("items")).ToList();
        Assert.Equal(opened.Order(StringComparer.Ordinal), rows.Select(r => r.Text("id")).Order(StringComparer.Ordinal)); // each once
        var created = rows.Select(r => r.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.Equal(created[0], rows.Single(r => r.Text("id") == opened[^1]).GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Without_paging_parameters_the_first_25_are_listed()
    {
        var page = await _client.ListAsync("");

        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(25, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt64() >= 7);
        Assert.InRange(page.GetProperty("items").GetArrayLength(), 7, 25);
    }

    [Fact]
    public async Task Filtering_by_status_lists_only_tickets_in_that_status()
    {
        var closed = await _client.ListAsync("status=closed&pageSize=200");
        var open = await _client.ListAsync("status=open&pageSize=200");
        var all = await _client.ListAsync("pageSize=200");

        Assert.All(closed.Items("items"), t => Assert.Equal("closed", t.Text("status")));
        Assert.Contains(closed.Items("items"), t => t.Text("title") == "3F printer jams" && t.TextOrNull("resolution") == "resolved");
        Assert.Contains(closed.Items("items"), t => t.Text("title") == "Team dinner" && t.TextOrNull("resolution") == "rejected");
        Assert.All(open.Items("items"), t => Assert.Equal("open", t.Text("status")));
        Assert.Contains(open.Items("items"), t => t.Text("title") == "Press #4 motor trips");
        Assert.Equal(all.GetProperty("total").GetInt64(),
            closed.GetProperty("total").GetInt64() + open.GetProperty("total").GetInt64() + (await _client.ListAsync("status=cancelled")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Filtering_by_type_lists_only_that_type()
    {
        var expenses = await _client.ListAsync("type=expense-approval");

        Assert.Equal(4, expenses.GetProperty("total").GetInt64());
        Assert.All(expenses.Items("items"), t => Assert.Equal("expense-approval", t.Text("type")));
        Assert.Equal(["Hangzhou customer visit", "Spare motor", "Team dinner", "Training trip"],
            expenses.Items("items").Select(t => t.Text("title")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filtering_by_requester_lists_their_tickets()
    {
        var wang = await _client.ListAsync("requester=u-wang");

        Assert.Equal(3, wang.GetProperty("total").GetInt64());
        Assert.All(wang.Items("items"), t => Assert.Equal("u-wang", t.Text("requesterId")));
    }

    [Fact]
    public async Task Text_search_finds_titles_and_form_values_ignoring_case()
    {
        var byTitle = await _client.ListAsync("q=HANGZHOU");
        var marker = $"Serial{Guid.NewGuid():N}";
        var opened = await _client.OpenTicketAsync("equipment-repair",
            $$"""{ "Asset": "Drill", "Site": "SZ", "Category": "mechanical", "Description": "Bit slips, {{marker}}" }""");
        var byFormValue = await _client.ListAsync($"q={marker.ToUpperInvariant()}");
        var nothing = await _client.ListAsync($"q=nothing-{Guid.NewGuid():N}");

        Assert.Equal(["Hangzhou customer visit"], byTitle.Items("items").Select(t => t.Text("title")));
        Assert.Equal([opened.Text("id")], byFormValue.Ids());
        Assert.Equal(0, nothing.GetProperty("total").GetInt64());
        Assert.Empty(nothing.Items("items"));
    }

    [Fact]
    public async Task Search_text_with_sql_wildcards_is_taken_literally()
    {
        var percent = await _client.ListAsync("q=%25");
        var underscore = await _client.ListAsync("q=_");

        Assert.Equal(0, percent.GetProperty("total").GetInt64());
        Assert.Equal(0, underscore.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("status=pending", "status")]
    public async Task Bad_paging_or_an_unknown_status_is_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await _client.GetAsync($"/api/tickets/?{query}").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.Text("path"));
        Assert.Contains(parameter, problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_number_that_is_not_a_number_is_400()
    {
        var problem = await _client.GetAsync("/api/tickets/?page=two").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("page", problem.Text("detail"), StringComparison.Ordinal);
    }
}
