using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Publishing immutable versions, reading them, and moving ticket types between systems (export/import).</summary>
public sealed class TicketTypePublishingTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Publishing_an_invalid_draft_is_422_with_its_problems_and_publishes_nothing()
    {
        var key = TestTicketTypes.NewKey("invalid");
        await _client.CreateTicketTypeAsync(TestTicketTypes.Broken(key));

        var problem = await _client.PostAsync($"/api/ticket-types/{key}/publish", null).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("fix them before publishing", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains(problem.Items("problems"), p => p.Text("code") == "expression" && p.Text("nodeId") == "big" && p.GetProperty("line").GetInt32() == 2);
        Assert.Contains(problem.Items("problems"), p => p.Text("code") == "dangling-connection" && p.GetProperty("connection").GetInt32() == 2);
        Assert.Empty((await _client.GetAsync($"/api/ticket-types/{key}/versions").ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
        await _client.GetAsync($"/api/ticket-types/{key}/versions/1").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_freezes_version_1_then_version_2_after_a_change()
    {
        var key = TestTicketTypes.NewKey("versions");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key, name: "First"));

        var first = await _client.PublishAsync(key);
        var again = await _client.PublishAsync(key);
        await _client.PutJsonAsync($"/api/ticket-types/{key}/draft", TestTicketTypes.DeskMove(key, name: "Second")).ExpectAsync(HttpStatusCode.OK);
        var second = await _client.PublishAsync(key);

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(TestClients.Integration.Id, first.Text("publishedBy"));
        Assert.Equal(1, again.GetProperty("version").GetInt32()); // nothing changed, nothing new to freeze
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var versions = await _client.GetAsync($"/api/ticket-types/{key}/versions").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal(TestClients.Integration.Id, v.Text("publishedBy")));
        var v1 = await _client.GetAsync($"/api/ticket-types/{key}/versions/1").ExpectAsync(HttpStatusCode.OK);
        var v2 = await _client.GetAsync($"/api/ticket-types/{key}/versions/2").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("First", v1.GetProperty("definition").Text("name"));
        Assert.Equal("Second", v2.GetProperty("definition").Text("name"));
        var draft = await _client.GetAsync($"/api/ticket-types/{key}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, draft.GetProperty("latestVersion").GetInt32());
        Assert.False(draft.GetProperty("hasUnpublishedChanges").GetBoolean());
    }

    [Fact]
    public async Task Reading_a_version_that_was_never_published_is_404()
    {
        var problem = await _client.GetAsync("/api/ticket-types/equipment-repair/versions/9").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Ticket type 'equipment-repair' has no version 9.", problem.Text("detail"));
        using var notANumber = await _client.GetAsync("/api/ticket-types/equipment-repair/versions/not-a-number");
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }

    [Fact]
    public async Task Publishing_an_unknown_ticket_type_is_404()
    {
        var problem = await _client.PostAsync("/api/ticket-types/no-such-type/publish", null).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Ticket type 'no-such-type' does not exist.", problem.Text("detail"));
    }

    [Fact]
    public async Task Tickets_keep_the_version_they_were_opened_on_and_new_tickets_get_the_latest()
    {
        var key = TestTicketTypes.NewKey("pinned");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key, stepName: "Handle v1"));
        await _client.PublishAsync(key);
        var before = await _client.OpenTicketAsync(key, """{ "Summary": "opened on v1" }""");

        await _client.PutJsonAsync($"/api/ticket-types/{key}/draft", TestTicketTypes.DeskMove(key, stepName: "Handle v2")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await _client.PublishAsync(key)).GetProperty("version").GetInt32());
        var after = await _client.OpenTicketAsync(key, """{ "Summary": "opened on v2" }""");

        var old = await _client.GetTicketAsync(before.Text("id"));
        Assert.Equal(1, old.GetProperty("version").GetInt32());
        Assert.Equal("Handle v1", old.Items("tasks").Single().Text("name"));
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal("Handle v2", after.Items("tasks").Single().Text("name"));
        var done = await _client.CompleteAsync(old.Text("id"), old.OpenTaskAt("handle"), """{ "action": "done" }""").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("closed", done.Text("status"));
        Assert.Equal(1, done.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Export_gives_a_json_file_that_import_accepts_under_a_new_key()
    {
        using var export = await _client.GetAsync("/api/ticket-types/equipment-repair/export");
        var exported = await export.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("equipment-repair.tickettype.json", export.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("equipment-repair", exported.Text("key"));

        var copyKey = TestTicketTypes.NewKey("repair-copy");
        var copy = JsonNode.Parse(exported.GetRawText())!.AsObject();
        copy["key"] = copyKey;
        using var import = await _client.PostJsonAsync("/api/ticket-types/import", copy.ToJsonString());
        var imported = await import.ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/ticket-types/{copyKey}", import.Headers.Location?.OriginalString);
        Assert.True(imported.GetProperty("validation").GetProperty("valid").GetBoolean());
        Assert.Empty(imported.GetProperty("validation").Items("problems"));
        var draft = imported.GetProperty("draft").GetProperty("definition");
        Assert.Equal(exported.Text("name"), draft.Text("name"));
        Assert.Equal(exported.GetProperty("workflow").GetProperty("nodes").GetArrayLength(), draft.GetProperty("workflow").GetProperty("nodes").GetArrayLength());
        Assert.Equal(1, (await _client.PublishAsync(copyKey)).GetProperty("version").GetInt32());
        var ticket = await _client.OpenTicketAsync(copyKey, TestTicketTypes.RepairForm);
        Assert.Equal("repair", Assert.Single(ticket.Items("tasks")).Text("nodeId"));
    }

    [Fact]
    public async Task Importing_over_an_existing_ticket_type_answers_200_and_replaces_its_draft()
    {
        var key = TestTicketTypes.NewKey("reimport");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key, name: "Before import"));

        using var import = await _client.PostJsonAsync("/api/ticket-types/import", TestTicketTypes.DeskMove(key, name: "After import"));
        var imported = await import.ExpectAsync(HttpStatusCode.OK);

        Assert.Null(import.Headers.Location);
        Assert.True(imported.GetProperty("validation").GetProperty("valid").GetBoolean());
        var draft = await _client.GetAsync($"/api/ticket-types/{key}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("After import", draft.GetProperty("definition").Text("name"));
    }

    [Fact]
    public async Task Importing_an_invalid_definition_keeps_it_as_a_draft_and_reports_its_problems()
    {
        var key = TestTicketTypes.NewKey("import-broken");

        var imported = await _client.PostJsonAsync("/api/ticket-types/import", TestTicketTypes.Broken(key)).ExpectAsync(HttpStatusCode.Created);

        var validation = imported.GetProperty("validation");
        Assert.False(validation.GetProperty("valid").GetBoolean());
        var expression = Assert.Single(validation.Items("problems"), p => p.Text("code") == "expression");
        Assert.Equal("big", expression.Text("nodeId"));
        Assert.Equal("branches[0].when", expression.Text("path"));
        Assert.Contains(validation.Items("problems"), p => p.Text("path") == "connections[2].target");
        await _client.GetAsync($"/api/ticket-types/{key}").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Importing_refuses_a_bad_key_malformed_json_and_an_empty_body()
    {
        var badKey = await _client.PostJsonAsync("/api/ticket-types/import", TestTicketTypes.DeskMove("Not A Key")).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var malformed = await _client.PostJsonAsync("/api/ticket-types/import", "{ \"key\": \"x\",\n \"form\": [ }").ExpectProblemAsync(HttpStatusCode.BadRequest);
        var empty = await _client.PostJsonAsync("/api/ticket-types/import", "").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["key"], badKey.ProblemPaths());
        Assert.Contains("(line 2, position", malformed.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("The request body is empty; send JSON.", empty.Text("detail"));
    }

    [Fact]
    public async Task Exporting_an_unknown_ticket_type_is_404()
    {
        var problem = await _client.GetAsync("/api/ticket-types/no-such-type/export").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Ticket type 'no-such-type' does not exist.", problem.Text("detail"));
    }
}
