using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Acting on tickets: completing and assigning tasks, commenting, cancelling, retrying incidents.</summary>
public sealed class TicketActionTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Completing_a_task_answers_200_with_the_next_step_open()
    {
        var ticket = await _client.OpenRepairAsync();
        var repair = ticket.OpenTaskAt("repair");

        var after = await _client.CompleteAsync(ticket.Text("id"), repair, """{ "action": "repaired", "comment": "Tightened the spindle" }""").ExpectAsync(HttpStatusCode.OK);

        var done = after.Items("tasks").Single(t => t.Text("id") == repair);
        Assert.Equal(("completed", "repaired", TestClients.Integration.Id), (done.Text("status"), done.Text("action"), done.Text("closedBy")));
        Assert.Equal("Tightened the spindle", done.Text("comment"));
        Assert.Equal("open", after.Text("status"));
        after.OpenTaskAt("qualityCheck");
    }

    [Fact]
    public async Task Completing_a_task_twice_is_a_conflict_naming_who_completed_it()
    {
        var ticket = await _client.OpenRepairAsync();
        var repair = ticket.OpenTaskAt("repair");
        await _client.CompleteAsync(ticket.Text("id"), repair, """{ "action": "repaired" }""").ExpectAsync(HttpStatusCode.OK);

        var problem = await _client.CompleteAsync(ticket.Text("id"), repair, """{ "action": "repaired" }""").ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"already completed by {TestClients.Integration.Id}", problem.Text("detail"), StringComparison.Ordinal);
        var read = await _client.GetTicketAsync(ticket.Text("id"));
        Assert.Single(read.Items("timeline"), e => e.Text("kind") == "TaskCompleted");
    }

    [Fact]
    public async Task Completing_with_an_unknown_action_is_422_naming_the_available_ones()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("repair"), """{ "action": "explode" }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("'explode' is not an action of step '维修 Repair'. Available: repaired, needsParts.", problem.Text("detail"));
        Assert.Equal("open", (await _client.GetTicketAsync(ticket.Text("id"))).Items("tasks").Single().Text("status"));
    }

    [Fact]
    public async Task Completing_without_an_action_is_422_naming_action()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("repair"), """{ "action": " " }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["action"], problem.ProblemPaths());
    }

    [Fact]
    public async Task Completing_an_action_that_requires_a_comment_without_one_is_422()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("repair"), """{ "action": "needsParts" }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("requires a comment", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_an_unknown_task_is_404()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.CompleteAsync(ticket.Text("id"), "t999", """{ "action": "repaired" }""").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Ticket {ticket.Text("id")} has no task 't999'.", problem.Text("detail"));
    }

    [Fact]
    public async Task Completing_a_task_of_an_unknown_ticket_is_404()
    {
        var problem = await _client.CompleteAsync("T-260101-NOSUCH42", "t1", """{ "action": "repaired" }""").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Ticket T-260101-NOSUCH42 does not exist.", problem.Text("detail"));
    }

    [Fact]
    public async Task Completing_with_task_data_outside_the_task_form_is_400_naming_the_field()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("repair"),
            """{ "action": "repaired", "data": { "RepairNotes": "ok", "PartsCost": "cheap", "Invoice": "A-17" } }""").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Invoice", "PartsCost"], problem.Errors().Keys.Order(StringComparer.Ordinal));
        Assert.Contains(problem.Items("problems"), p => p.Text("message") == "'Invoice' is not a field of this form.");
    }

    [Fact]
    public async Task Completing_with_malformed_json_is_400()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("repair"), """{ "action": "repaired", """).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("(line 1, position", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_assigned_by_hand_is_listed_under_its_assignee_until_it_is_released()
    {
        var ticket = await _client.OpenRepairAsync();
        var id = ticket.Text("id");
        var task = ticket.OpenTaskAt("repair");
        var agent = (await host.CreatePersonAsync(Identity.Roles.Agent)).Id;

        var assigned = await _client.PostJsonAsync($"/api/tickets/{id}/tasks/{task}/assign", $$"""{ "assignee": "{{agent}}", "reason": "my shift" }""").ExpectAsync(HttpStatusCode.OK);
        var mine = await _client.ListAsync($"assignee={agent}");
        var released = await _client.PostJsonAsync($"/api/tickets/{id}/tasks/{task}/assign", """{ "assignee": null }""").ExpectAsync(HttpStatusCode.OK);
        var mineAfter = await _client.ListAsync($"assignee={agent}");

        Assert.Equal(agent, assigned.Items("tasks").Single().Text("assignee"));
        Assert.Contains(assigned.Items("timeline"), e => e.Text("kind") == "TaskAssigned" && e.Text("summary").EndsWith($"{agent}: my shift", StringComparison.Ordinal));
        Assert.Equal([id], mine.Ids());
        Assert.Equal([agent], mine.Items("items").Single().Items("assignees").Select(a => a.GetString()));
        Assert.Null(released.Items("tasks").Single().TextOrNull("assignee"));
        Assert.Equal(["Team:maintenance"], released.Items("tasks").Single().Items("offeredTo").Select(q => q.GetString()));
        Assert.Contains(released.Items("timeline"), e => e.Text("kind") == "TaskAssigned" && e.Text("summary").Contains("released to the queue", StringComparison.Ordinal));
        Assert.Equal(0, mineAfter.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Assigning_to_someone_who_does_not_exist_is_422_naming_assignee()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.PostJsonAsync($"/api/tickets/{ticket.Text("id")}/tasks/{ticket.OpenTaskAt("repair")}/assign", """{ "assignee": "nobody-here" }""")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["assignee"], problem.ProblemPaths());
        Assert.Equal("There is no person 'nobody-here'.", problem.Text("detail"));
    }

    [Fact]
    public async Task Assigning_an_unknown_task_is_404()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.PostJsonAsync($"/api/tickets/{ticket.Text("id")}/tasks/t999/assign", """{ "assignee": "tech-li" }""").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("has no task 't999'", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_are_added_to_the_timeline_as_public_or_internal()
    {
        var ticket = await _client.OpenRepairAsync();
        var id = ticket.Text("id");

        using var response = await _client.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "  We ordered a new belt. " }""");
        await response.ExpectAsync(HttpStatusCode.Created);
        var after = await _client.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "Supplier is slow", "internal": true }""").ExpectAsync(HttpStatusCode.Created);

        Assert.Equal($"/api/tickets/{id}", response.Headers.Location?.OriginalString);
        var comments = after.Items("timeline").Where(e => e.Text("kind") == "Comment").ToList();
        Assert.Equal([("We ordered a new belt.", "public"), ("Supplier is slow", "internal")],
            comments.Select(c => (c.Text("summary"), c.Text("subject"))));
        Assert.All(comments, c => Assert.Equal(TestClients.Integration.Id, c.Text("actor")));
        Assert.Equal(after.Items("timeline").Count, (await _client.GetTicketAsync(id)).Items("timeline").Count);
    }

    [Theory]
    [InlineData("""{ "text": "" }""")]
    [InlineData("""{ "text": "   " }""")]
    [InlineData("{}")]
    public async Task A_comment_without_text_is_422_naming_text(string body)
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.PostJsonAsync($"/api/tickets/{ticket.Text("id")}/comments", body).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["text"], problem.ProblemPaths());
        Assert.DoesNotContain((await _client.GetTicketAsync(ticket.Text("id"))).Items("timeline"), e => e.Text("kind") == "Comment");
    }

    [Fact]
    public async Task A_comment_over_10000_characters_is_422_naming_text()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.PostJsonAsync($"/api/tickets/{ticket.Text("id")}/comments", $$"""{ "text": "{{new string('x', 10_001)}}" }""")
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["text"], problem.ProblemPaths());
    }

    [Fact]
    public async Task Commenting_on_an_unknown_ticket_is_404()
    {
        await _client.PostJsonAsync("/api/tickets/T-260101-NOSUCH42/comments", """{ "text": "hello" }""").ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.PostJsonAsync("/api/tickets/not-a-ticket/comments", """{ "text": "hello" }""").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancelling_withdraws_the_open_tasks_and_cancelling_again_is_a_conflict()
    {
        var ticket = await _client.OpenRepairAsync();
        var id = ticket.Text("id");

        var cancelled = await _client.PostJsonAsync($"/api/tickets/{id}/cancel", """{ "reason": "Machine scrapped" }""").ExpectAsync(HttpStatusCode.OK);
        var again = await _client.PostAsync($"/api/tickets/{id}/cancel", null).ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("cancelled", cancelled.Text("status"));
        Assert.Equal("cancelled", cancelled.Items("tasks").Single().Text("status"));
        Assert.Contains(cancelled.Items("timeline"), e => e.Text("summary").Contains("Machine scrapped", StringComparison.Ordinal));
        Assert.Contains("is cancelled", again.Text("detail"), StringComparison.Ordinal);
        var listed = await _client.ListAsync($"status=cancelled&q={id}");
        Assert.Equal([id], listed.Ids());
    }

    [Fact]
    public async Task Cancelling_without_a_body_uses_a_default_reason()
    {
        var ticket = await _client.OpenRepairAsync();

        var cancelled = await _client.PostAsync($"/api/tickets/{ticket.Text("id")}/cancel", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.Text("status"));
        Assert.Contains(cancelled.Items("timeline"), e => e.Text("summary").Contains("cancelled by request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_an_unknown_ticket_is_404()
    {
        var problem = await _client.PostAsync("/api/tickets/T-260101-NOSUCH42/cancel", null).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Ticket T-260101-NOSUCH42 does not exist.", problem.Text("detail"));
    }

    [Fact]
    public async Task Retrying_an_unknown_incident_is_404()
    {
        var ticket = await _client.OpenRepairAsync();

        var problem = await _client.PostAsync($"/api/tickets/{ticket.Text("id")}/incidents/i404/retry", null).ExpectProblemAsync(HttpStatusCode.NotFound);
        var unknownTicket = await _client.PostAsync("/api/tickets/T-260101-NOSUCH42/incidents/i1/retry", null).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"Ticket {ticket.Text("id")} has no open incident 'i404'.", problem.Text("detail"));
        Assert.Equal("Ticket T-260101-NOSUCH42 does not exist.", unknownTicket.Text("detail"));
    }

    [Fact]
    public async Task A_repair_runs_from_report_through_repair_and_quality_check_to_closed()
    {
        var id = (await _client.OpenRepairAsync("Press #9 leaks oil")).Text("id");

        var repaired = await _client.CompleteAsync(id, (await _client.GetTicketAsync(id)).OpenTaskAt("repair"),
            """{ "action": "repaired", "data": { "RepairNotes": "Replaced the seal", "PartsCost": 120.5 } }""").ExpectAsync(HttpStatusCode.OK);
        var closed = await _client.CompleteAsync(id, repaired.OpenTaskAt("qualityCheck"),
            """{ "action": "pass", "data": { "QualityNotes": "No leak after 1 h" } }""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("closed", "resolved"), (closed.Text("status"), closed.Text("resolution")));
        Assert.NotNull(closed.TextOrNull("closedAt"));
        Assert.All(closed.Items("tasks"), t => Assert.Equal("completed", t.Text("status")));
        Assert.Equal("Replaced the seal", closed.GetProperty("form").Text("RepairNotes"));
        Assert.Equal(120.5m, closed.GetProperty("form").GetProperty("PartsCost").GetDecimal());
        var timeline = (await _client.GetTicketAsync(id)).Items("timeline");
        Assert.Equal("Created", timeline[0].Text("kind"));
        var steps = timeline.Where(e => e.Text("kind") is "TaskCreated" or "TaskCompleted" or "StatusChanged")
            .Select(e => $"{e.Text("kind")} {e.TextOrNull("nodeId")} {e.TextOrNull("subject")}".TrimEnd()).ToList();
        Assert.Equal(["TaskCreated repair", "TaskCompleted repair repaired", "TaskCreated qualityCheck", "TaskCompleted qualityCheck pass",
            "StatusChanged closed status"], steps);
        Assert.Equal("StatusChanged", timeline[^1].Text("kind"));
        Assert.Equal("Replaced the seal", timeline.Single(e => e.Text("kind") == "TaskCompleted" && e.TextOrNull("nodeId") == "repair").GetProperty("after").Text("RepairNotes"));
        var closedRow = Assert.Single((await _client.ListAsync($"status=closed&q={id}")).Items("items"));
        Assert.Equal("resolved", closedRow.Text("resolution"));
    }
}
