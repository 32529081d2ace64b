using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Dispatch through the API: who gets the task and why (in the ticket view), and claim, release, reassign by hand.</summary>
public sealed class DispatchApiTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _integration = host.CreateClient();

    private async Task<HttpClient> AdminAsync() => await host.SignInAsync(DemoPeople.Administrator);

    [Fact]
    public async Task A_repair_goes_to_an_on_site_technician_with_the_skill_and_the_ticket_view_says_why()
    {
        var ticket = await _integration.OpenTicketAsync("equipment-repair",
            """{ "Asset": "Press #7", "Site": "SH", "Category": "electrical", "Description": "Trips", "Urgent": false }""");

        var task = ticket.Items("tasks").Single();
        Assert.Contains(task.Text("assignee"), new[] { "tech-li", "tech-wu" }); // the Shanghai electricians
        var decision = ticket.Decision();
        Assert.Equal(("technician-by-skill-region", "equipment-repair", 1, "assigned"),
            (decision.Text("rule"), decision.Text("ticketType"), decision.GetProperty("version").GetInt32(), decision.Text("outcome")));
        var candidates = decision.Items("candidates");
        Assert.Equal(["tech-li", "tech-wu"], candidates.Where(c => c.Text("status") == "eligible").Select(c => c.Text("id")).Order(StringComparer.Ordinal));
        Assert.Equal("filterFalse", candidates.Single(c => c.Text("id") == "tech-zhao").Text("status")); // Beijing
        Assert.StartsWith("first of 2 with room when asked: least loaded", decision.Text("reason"), StringComparison.Ordinal);
        Assert.Equal("dispatch", ticket.Items("timeline").Single(e => e.Text("kind") == "Dispatch").Text("actor"));
    }

    [Fact]
    public async Task Work_of_an_agent_out_of_office_goes_to_their_delegate()
    {
        // 孙丽 (Shenzhen, mechanical) is out of office in the demo; 马超 takes her work.
        var ticket = await _integration.OpenTicketAsync("equipment-repair",
            """{ "Asset": "Conveyor 3", "Site": "SZ", "Category": "mechanical", "Description": "Belt slips", "Urgent": true, "StoppedSince": "2026-03-02T08:30:00+08:00" }""");

        Assert.Equal("tech-ma", ticket.Items("tasks").Single().Text("assignee"));
        var sun = ticket.Decision().Items("candidates").Single(c => c.Text("id") == "tech-sun");
        Assert.Equal(("delegated", "tech-ma"), (sun.Text("status"), sun.Text("delegate")));
    }

    [Fact]
    public async Task Claim_release_and_reassign_are_audited_and_respect_capacity_and_access()
    {
        using var admin = await AdminAsync();
        var li = await host.CreatePersonAsync(Identity.Roles.Agent);
        var wang = await host.CreatePersonAsync(Identity.Roles.Agent);
        await admin.PutJsonAsync($"/api/agents/{li.Id}", """{ "capacity": 1 }""").ExpectAsync(HttpStatusCode.OK);
        await admin.PutJsonAsync($"/api/agents/{wang.Id}", """{ "capacity": 1 }""").ExpectAsync(HttpStatusCode.OK);
        var team = await admin.CreateTeamAsync([li.Id, wang.Id, "u-li"], lead: "u-li"); // the manager works the queue too
        var type = await _integration.PublishDispatchedAsync($$"""{ "key": "crew", "name": "Crew queue", "strategy": "queue", "team": "{{team}}" }""");
        var first = await _integration.OpenTicketAsync(type, "{}");
        var second = await _integration.OpenTicketAsync(type, "{}");
        string Task(System.Text.Json.JsonElement t) => $"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("work")}";
        using var liClient = await host.SignInAsync(li);
        using var wangClient = await host.SignInAsync(wang);
        using var manager = await host.SignInAsync(DemoPeople.Manager);
        using var customer = await host.SignInAsync(DemoPeople.ZhangSan);

        Assert.Equal([$"Team:{team}"], first.Items("tasks").Single().Items("offeredTo").Select(q => q.GetString()));
        var claimed = await liClient.PostAsync($"{Task(first)}/claim", null).ExpectAsync(HttpStatusCode.OK);
        var taken = await wangClient.PostAsync($"{Task(first)}/claim", null).ExpectProblemAsync(HttpStatusCode.Conflict);
        var full = await liClient.PostAsync($"{Task(second)}/claim", null).ExpectProblemAsync(HttpStatusCode.Conflict);
        await wangClient.PostJsonAsync($"{Task(first)}/release", "{}").ExpectProblemAsync(HttpStatusCode.Forbidden);
        await customer.PostAsync($"{Task(first)}/claim", null).ExpectProblemAsync(HttpStatusCode.NotFound);
        var released = await liClient.PostJsonAsync($"{Task(first)}/release", """{ "reason": "end of shift" }""").ExpectAsync(HttpStatusCode.OK);
        var reassigned = await manager.PostJsonAsync($"{Task(second)}/reassign", $$"""{ "assignee": "{{wang.Id}}", "reason": "王 knows it" }""").ExpectAsync(HttpStatusCode.OK);
        var overbooked = await manager.PostJsonAsync($"{Task(first)}/reassign", $$"""{ "assignee": "{{wang.Id}}" }""").ExpectProblemAsync(HttpStatusCode.Conflict);
        var notStaff = await manager.PostJsonAsync($"{Task(first)}/reassign", """{ "assignee": "u-zhang" }""").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var wangLoad = await admin.GetAsync($"/api/agents/{wang.Id}").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(li.Id, claimed.Items("tasks").Single().Text("assignee"));
        Assert.Contains(claimed.Items("timeline"), e => e.Text("kind") == "TaskAssigned" && e.Text("actor") == li.Id && e.Text("summary") == $"Work claimed by {li.Id}");
        Assert.Contains($"already assigned to {li.Id}", taken.Text("detail"), StringComparison.Ordinal);
        Assert.Equal($"{li.Name} cannot take 'Work': full: 1 of 1 in use.", full.Text("detail"));
        Assert.Null(released.Items("tasks").Single().TextOrNull("assignee"));
        Assert.Contains(released.Items("timeline"), e => e.Text("kind") == "TaskAssigned" && e.Text("summary") == "Work released to the queue: end of shift");
        Assert.Contains(reassigned.Items("timeline"), e => e.Text("kind") == "TaskAssigned" && e.Text("actor") == "u-li" && e.Text("summary") == $"Work assigned to {wang.Id}: 王 knows it");
        Assert.Contains("full: 1 of 1 in use", overbooked.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(["assignee"], notStaff.ProblemPaths());
        var held = Assert.Single(wangLoad.GetProperty("workload").Items("held"));
        Assert.Equal((second.Text("id"), 1), (held.Text("ticketId"), wangLoad.GetProperty("workload").GetProperty("load").GetInt32()));
    }

    [Fact]
    public async Task An_agent_who_goes_off_duty_gets_no_new_work_and_the_rule_falls_back_to_its_queue()
    {
        using var admin = await AdminAsync();
        var person = await host.CreatePersonAsync(Identity.Roles.Agent);
        await admin.PutJsonAsync($"/api/agents/{person.Id}", """{ "capacity": 3 }""").ExpectAsync(HttpStatusCode.OK);
        var team = await admin.CreateTeamAsync([person.Id]);
        var type = await _integration.PublishDispatchedAsync($$"""{ "key": "crew", "name": "Crew", "team": "{{team}}", "fallbackTeam": "maintenance" }""");
        using var agent = await host.SignInAsync(person);

        var before = await _integration.OpenTicketAsync(type, "{}");
        await agent.PutJsonAsync($"/api/agents/{person.Id}/availability", """{ "onDuty": false }""").ExpectAsync(HttpStatusCode.OK);
        var after = await _integration.OpenTicketAsync(type, "{}");

        Assert.Equal(person.Id, before.Items("tasks").Single().Text("assignee"));
        Assert.Null(after.Items("tasks").Single().TextOrNull("assignee"));
        Assert.Equal(["Team:maintenance"], after.Items("tasks").Single().Items("offeredTo").Select(q => q.GetString()));
        Assert.Equal("offDuty", after.Decision().Items("candidates").Single().Text("status"));
    }
}
