using System.Net;
using System.Text.Json;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Ticket types as drafts: list, create, read, replace and validate.</summary>
public sealed class TicketTypeDraftTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Lists_both_demo_ticket_types_as_published_version_1()
    {
        var types = await _client.GetAsync("/api/ticket-types/").ExpectAsync(HttpStatusCode.OK);

        foreach (var key in new[] { "equipment-repair", "expense-approval" })
        {
            var type = Assert.Single(types.EnumerateArray(), t => t.Text("key") == key);
            Assert.Equal(1, type.GetProperty("latestVersion").GetInt32());
            Assert.False(type.GetProperty("hasUnpublishedChanges").GetBoolean());
            Assert.Equal("demo", type.Text("updatedBy"));
        }
    }

    [Fact]
    public async Task Creating_a_draft_answers_201_with_its_location_and_it_is_listed_as_unpublished()
    {
        var key = TestTicketTypes.NewKey("new");

        using var response = await _client.PostJsonAsync("/api/ticket-types/", TestTicketTypes.DeskMove(key, name: "Move a desk"));
        var draft = await response.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/ticket-types/{key}", response.Headers.Location?.OriginalString);
        Assert.Equal(key, draft.GetProperty("definition").Text("key"));
        Assert.True(draft.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.False(draft.TryGetProperty("latestVersion", out _));
        var read = await _client.GetAsync(response.Headers.Location).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Move a desk", read.GetProperty("definition").Text("name"));
        Assert.Equal(key, read.GetProperty("definition").GetProperty("workflow").Text("key"));
        var listed = Assert.Single((await _client.GetAsync("/api/ticket-types/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray(), t => t.Text("key") == key);
        Assert.True(listed.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.False(listed.TryGetProperty("latestVersion", out _));
    }

    [Fact]
    public async Task Creating_a_draft_whose_key_exists_is_a_conflict_and_keeps_the_original()
    {
        var key = TestTicketTypes.NewKey("dup");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key, name: "Original"));

        var problem = await _client.PostJsonAsync("/api/ticket-types/", TestTicketTypes.DeskMove(key, name: "Impostor")).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(key, problem.Text("detail"), StringComparison.Ordinal);
        var kept = await _client.GetAsync($"/api/ticket-types/{key}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Original", kept.GetProperty("definition").Text("name"));
    }

    [Theory]
    [InlineData("Bad Key")]
    [InlineData("UPPER")]
    [InlineData("1starts-with-digit")]
    [InlineData("under_score")]
    [InlineData("")]
    [InlineData("a-key-that-is-far-too-long-to-be-a-ticket-type-key-abcdefghijklmnopq")]
    public async Task Creating_a_draft_with_a_bad_key_is_422_naming_the_key(string key)
    {
        var problem = await _client.PostJsonAsync("/api/ticket-types/", TestTicketTypes.DeskMove(key)).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["key"], problem.ProblemPaths());
        Assert.Contains("lower-case", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_draft_without_a_key_is_422_naming_the_key()
    {
        var problem = await _client.PostJsonAsync("/api/ticket-types/", """{ "name": "No key" }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["key"], problem.ProblemPaths());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_line_and_position()
    {
        const string json = "{\n  \"key\": \"broken-json\",\n  \"name\": ,\n}";

        var problem = await _client.PostJsonAsync("/api/ticket-types/", json).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("(line 3, position 11)", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("$.name", problem.Text("path"));
        await _client.GetAsync("/api/ticket-types/broken-json").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_value_of_the_wrong_json_type_is_a_400_naming_its_path()
    {
        var problem = await _client.PostJsonAsync("/api/ticket-types/", """{ "key": "wrong-type", "form": { "sections": 5 } }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("$.form", problem.Text("path"));
        Assert.Contains("(at sections in the form)", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("line 1", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_is_a_400_asking_for_json()
    {
        var problem = await _client.PostJsonAsync("/api/ticket-types/", "").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("The request body is empty; send JSON.", problem.Text("detail"));
    }

    [Fact]
    public async Task Reading_an_unknown_ticket_type_is_404()
    {
        var problem = await _client.GetAsync("/api/ticket-types/no-such-type").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Ticket type 'no-such-type' does not exist.", problem.Text("detail"));
    }

    [Fact]
    public async Task Saving_the_draft_of_an_unknown_ticket_type_is_404_and_creates_nothing()
    {
        var key = TestTicketTypes.NewKey("ghost");

        await _client.PutJsonAsync($"/api/ticket-types/{key}/draft", TestTicketTypes.DeskMove(key)).ExpectProblemAsync(HttpStatusCode.NotFound);

        await _client.GetAsync($"/api/ticket-types/{key}").ExpectProblemAsync(HttpStatusCode.NotFound);
        var types = await _client.GetAsync("/api/ticket-types/").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(types.EnumerateArray(), t => t.Text("key") == key);
    }

    [Fact]
    public async Task Saving_a_draft_of_a_published_type_replaces_it_and_marks_unpublished_changes()
    {
        var key = await _client.PublishDeskMoveAsync("edit");

        var saved = await _client.PutJsonAsync($"/api/ticket-types/{key}/draft", TestTicketTypes.DeskMove(key, name: "Desk move, revised"))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.True(saved.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal(1, saved.GetProperty("latestVersion").GetInt32());
        Assert.Equal("Desk move, revised", saved.GetProperty("definition").Text("name"));
        var listed = Assert.Single((await _client.GetAsync("/api/ticket-types/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray(), t => t.Text("key") == key);
        Assert.True(listed.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal("Desk move, revised", listed.Text("name"));
    }

    [Fact]
    public async Task Saving_a_draft_keeps_the_key_of_the_route_whatever_the_body_says()
    {
        var key = TestTicketTypes.NewKey("route");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));

        var saved = await _client.PutJsonAsync($"/api/ticket-types/{key}/draft", TestTicketTypes.DeskMove("someone-else")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(key, saved.GetProperty("definition").Text("key"));
        await _client.GetAsync("/api/ticket-types/someone-else").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Saving_a_draft_with_malformed_json_is_400_and_keeps_the_stored_draft()
    {
        var key = TestTicketTypes.NewKey("keep");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key, name: "Stored"));

        var problem = await _client.PutJsonAsync($"/api/ticket-types/{key}/draft", """{ "name": "Half written" """).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("line 1", problem.Text("detail"), StringComparison.Ordinal);
        var kept = await _client.GetAsync($"/api/ticket-types/{key}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Stored", kept.GetProperty("definition").Text("name"));
    }

    [Fact]
    public async Task Validation_lists_every_problem_with_node_path_line_and_column()
    {
        var key = TestTicketTypes.NewKey("broken");
        await _client.CreateTicketTypeAsync(TestTicketTypes.Broken(key));

        var validation = await _client.PostAsync($"/api/ticket-types/{key}/validate", null).ExpectAsync(HttpStatusCode.OK);

        Assert.False(validation.GetProperty("valid").GetBoolean());
        var problems = validation.Items("problems");
        var expression = Assert.Single(problems, p => p.Text("code") == "expression");
        Assert.Equal("big", expression.Text("nodeId"));
        Assert.Equal("branches[0].when", expression.Text("path"));
        Assert.Equal(2, expression.GetProperty("line").GetInt32());
        Assert.True(expression.GetProperty("column").GetInt32() >= 1);
        Assert.Contains("Missing", expression.Text("message"), StringComparison.Ordinal);
        var dangling = Assert.Single(problems, p => p.Text("code") == "dangling-connection");
        Assert.Equal(2, dangling.GetProperty("connection").GetInt32());
        Assert.Equal("connections[2].target", dangling.Text("path"));
        Assert.Contains("'ghost'", dangling.Text("message"), StringComparison.Ordinal);
        Assert.All(problems, p => Assert.Equal("error", p.Text("severity")));
    }

    [Fact]
    public async Task Validating_a_sound_draft_reports_valid_without_problems()
    {
        var key = TestTicketTypes.NewKey("sound");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));

        var validation = await _client.PostAsync($"/api/ticket-types/{key}/validate", null).ExpectAsync(HttpStatusCode.OK);

        Assert.True(validation.GetProperty("valid").GetBoolean());
        Assert.Empty(validation.Items("problems"));
    }

    [Fact]
    public async Task Validating_an_unknown_ticket_type_is_404()
    {
        var problem = await _client.PostAsync("/api/ticket-types/no-such-type/validate", null).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-type", problem.Text("detail"), StringComparison.Ordinal);
    }
}
