using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Opening tickets: what is accepted, what is refused and why, retries with an Idempotency-Key, reading one back.</summary>
public sealed class TicketCreationTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Opening_a_ticket_answers_201_with_its_location_tasks_and_timeline()
    {
        using var response = await _client.PostJsonAsync("/api/tickets/",
            $$"""{ "type": "equipment-repair", "title": "Lathe 7 rattles", "priority": "P2", "form": {{TestTicketTypes.RepairForm}} }""");
        var ticket = await response.ExpectAsync(HttpStatusCode.Created);

        var id = ticket.Text("id");
        Assert.Equal($"/api/tickets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("equipment-repair", ticket.Text("type"));
        Assert.Equal(1, ticket.GetProperty("version").GetInt32());
        Assert.Equal(("Lathe 7 rattles", "open", "P2"), (ticket.Text("title"), ticket.Text("status"), ticket.Text("priority")));
        Assert.Equal(TestClients.Integration.Id, ticket.GetProperty("requester").Text("id")); // a client opening a ticket for no one in particular is its requester
        Assert.Equal("Lathe 7", ticket.GetProperty("form").Text("Asset"));
        var task = Assert.Single(ticket.Items("tasks"));
        Assert.Equal(("repair", "open"), (task.Text("nodeId"), task.Text("status")));
        Assert.Equal("Created", ticket.Items("timeline")[0].Text("kind"));
        Assert.Contains(ticket.Items("timeline"), e => e.Text("kind") == "TaskCreated" && e.TextOrNull("taskId") == task.Text("id"));
        var read = await _client.GetAsync(response.Headers.Location).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(id, read.Text("id"));
        Assert.Equal(ticket.Items("timeline").Count, read.Items("timeline").Count);
    }

    [Fact]
    public async Task A_ticket_without_title_or_priority_gets_the_type_name_and_P3()
    {
        var ticket = await _client.OpenRepairAsync();

        Assert.Equal("设备报修 Equipment repair", ticket.Text("title"));
        Assert.Equal("P3", ticket.Text("priority"));
    }

    [Fact]
    public async Task A_ticket_for_someone_else_names_them_as_requester()
    {
        var ticket = await _client.PostJsonAsync("/api/tickets/",
            $$"""{ "type": "equipment-repair", "form": {{TestTicketTypes.RepairForm}}, "requester": { "id": "u-liu", "name": "Liu Yang" } }""")
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(("u-liu", "Liu Yang"), (ticket.GetProperty("requester").Text("id"), ticket.GetProperty("requester").Text("name")));
        var listed = await _client.ListAsync($"requester=u-liu&q={ticket.Text("id")}");
        Assert.Equal([ticket.Text("id")], listed.Ids());
    }

    [Theory]
    [InlineData("no-such-type")]
    [InlineData("")]
    public async Task Opening_a_ticket_of_an_unknown_type_is_422_naming_type(string type)
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "{{type}}", "form": {} }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["type"], problem.ProblemPaths());
    }

    [Fact]
    public async Task Opening_a_ticket_of_a_type_that_was_never_published_is_422_naming_type()
    {
        var key = TestTicketTypes.NewKey("unpublished");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));

        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "{{key}}", "form": { "Summary": "x" } }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["type"], problem.ProblemPaths());
        Assert.Contains("no published version", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_form_problem_is_400_with_errors_keyed_by_field()
    {
        const string form = """{ "Asset": "Lathe 7", "Site": "Mars", "Category": "mechanical", "Urgent": "yes", "Colour": "red" }""";

        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "form": {{form}} }""").ExpectProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        Assert.Equal(["Colour", "Description", "Site", "Urgent"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'Colour' is not a field of this form.", errors["Colour"].Single());
        Assert.EndsWith("is required.", errors["Description"].Single(), StringComparison.Ordinal);
        Assert.Equal("'Mars' is not an option of 厂区 Site.", errors["Site"].Single());
        Assert.EndsWith("must be true or false.", errors["Urgent"].Single(), StringComparison.Ordinal);
        Assert.Equal(["option", "required", "type", "unknown-field"], problem.Items("problems").Select(p => p.Text("code")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_number_field_given_text_is_400_naming_the_field()
    {
        var key = await _client.PublishDeskMoveAsync("typed");

        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "{{key}}", "form": { "Summary": "x", "Count": "three" } }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Count"], problem.ProblemPaths());
        Assert.Equal("Count must be a number.", problem.Errors()["Count"].Single());
    }

    [Theory]
    [InlineData("P9")]
    [InlineData("p1")]
    [InlineData("")]
    public async Task A_priority_other_than_P1_to_P4_is_422_naming_priority(string priority)
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "priority": "{{priority}}", "form": {{TestTicketTypes.RepairForm}} }""")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["priority"], problem.ProblemPaths());
        Assert.Equal("Priority must be one of P1, P2, P3, P4.", problem.Text("detail"));
    }

    [Fact]
    public async Task A_title_over_200_characters_is_422_naming_title()
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "title": "{{new string('x', 201)}}", "form": {{TestTicketTypes.RepairForm}} }""")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["title"], problem.ProblemPaths());
    }

    [Theory]
    [InlineData("""{ "id": null, "name": null }""")]
    [InlineData("""{ "id": "u-liu", "name": " " }""")]
    [InlineData("{}")]
    public async Task A_requester_without_id_or_name_is_422_naming_requester(string requester)
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "requester": {{requester}}, "form": {{TestTicketTypes.RepairForm}} }""")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["requester"], problem.ProblemPaths());
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_line_and_position()
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", "{ \"type\": \"equipment-repair\",\n  \"form\": { \"Asset\": 'Lathe' } }")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("(line 2, position 22)", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_of_the_wrong_json_type_is_400_naming_its_path()
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", """{ "type": "equipment-repair", "title": 5 }""").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("$.title", problem.Text("path"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task An_empty_or_null_body_is_400(string body)
    {
        var problem = await _client.PostJsonAsync("/api/tickets/", body).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("The request body is", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_opens_one_ticket()
    {
        var key = Guid.NewGuid().ToString();
        var marker = $"idem{Guid.NewGuid():N}";
        var body = $$"""{ "type": "equipment-repair", "form": { "Asset": "{{marker}}", "Site": "BJ", "Category": "it", "Description": "Screen flickers" } }""";

        var first = await SendWithKeyAsync(key, body).ExpectAsync(HttpStatusCode.Created);
        var second = await SendWithKeyAsync(key, body).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(first.Text("id"), second.Text("id"));
        Assert.Equal(first.Items("tasks").Single().Text("id"), second.Items("tasks").Single().Text("id"));
        var listed = await _client.ListAsync($"q={marker}");
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
        Assert.Equal([first.Text("id")], listed.Ids());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_form_is_a_conflict()
    {
        var key = Guid.NewGuid().ToString();
        var first = await SendWithKeyAsync(key, $$"""{ "type": "equipment-repair", "form": {{TestTicketTypes.RepairForm}} }""").ExpectAsync(HttpStatusCode.Created);

        var problem = await SendWithKeyAsync(key, """{ "type": "equipment-repair", "form": { "Asset": "Other", "Site": "SZ", "Category": "it", "Description": "Different" } }""")
            .ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("idempotency key reused", problem.Text("detail"), StringComparison.Ordinal);
        var kept = await _client.GetTicketAsync(first.Text("id"));
        Assert.Equal("Lathe 7", kept.GetProperty("form").Text("Asset"));
    }

    [Fact]
    public async Task An_idempotency_key_over_200_characters_is_400()
    {
        var problem = await SendWithKeyAsync(new string('k', 201), $$"""{ "type": "equipment-repair", "form": {{TestTicketTypes.RepairForm}} }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Idempotency-Key", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T-260101-NOSUCH42")]
    [InlineData("garbage")]
    [InlineData("T-has.dots")]
    [InlineData("T-0123456789012345678901234567890123456789")]
    public async Task Reading_an_unknown_or_garbage_ticket_id_is_404(string id)
    {
        var problem = await _client.GetAsync($"/api/tickets/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Ticket {id} does not exist.", problem.Text("detail"));
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string idempotencyKey, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets/") { Content = ApiCalls.Json(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _client.SendAsync(request);
    }
}
