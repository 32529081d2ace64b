using System.Net;
using System.Text.Json;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Managing people, teams, departments and agents; every wrong field named in a 400, never a 500.</summary>
public sealed class OrganisationApiTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private async Task<HttpClient> AdminAsync() => await host.SignInAsync(DemoPeople.Administrator);

    private static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task An_administrator_creates_and_updates_a_person_with_roles_and_a_line_manager()
    {
        using var admin = await AdminAsync();
        var userName = TestTicketTypes.NewKey("wei");

        var created = await admin.PostJsonAsync("/api/users/", $$"""
            { "userName": "{{userName}}", "password": "Temporary#2026", "displayName": "魏明 Wei Ming", "roles": ["agent"],
              "department": "IT", "managerId": "u-li", "region": "SH", "orgRoles": ["technician"] }
            """).ExpectAsync(HttpStatusCode.Created);
        var id = created.Text("id");
        var updated = await admin.PutJsonAsync($"/api/users/{id}", """
            { "displayName": "魏明 Wei Ming", "roles": ["agent", "manager"], "department": "Maintenance", "managerId": "u-qian", "orgRoles": ["team-lead"] }
            """).ExpectAsync(HttpStatusCode.OK);
        var listed = (await admin.GetAsync("/api/users/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single(u => u.Text("id") == id);

        Assert.Equal((userName, "IT", "u-li", "SH"), (created.Text("userName"), created.Text("department"), created.Text("managerId"), created.Text("region")));
        Assert.Equal(["agent", "manager"], updated.Items("roles").Select(r => r.GetString()));
        Assert.Equal(["team-lead"], updated.Items("orgRoles").Select(r => r.GetString()));
        Assert.Equal(("Maintenance", "u-qian"), (listed.Text("department"), listed.Text("managerId")));
        Assert.False(listed.GetProperty("isAgent").GetBoolean());
    }

    [Fact]
    public async Task A_person_with_wrong_fields_is_400_naming_every_field_and_nothing_is_created()
    {
        using var admin = await AdminAsync();

        var problem = await admin.PostJsonAsync("/api/users/", """
            { "userName": "x", "password": "", "displayName": " ", "roles": ["wizard"], "managerId": "ghost", "orgRoles": ["Team Lead"], "email": "not mail" }
            """).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["displayName", "email", "managerId", "orgRoles[0]", "password", "roles[0]", "userName"], ErrorFields(problem));
        Assert.DoesNotContain((await admin.GetAsync("/api/users/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray(), u => u.Text("userName") == "x");
    }

    [Fact]
    public async Task A_weak_password_is_400_naming_password_and_a_taken_user_name_is_409()
    {
        using var admin = await AdminAsync();

        var weak = await admin.PostJsonAsync("/api/users/", """{ "userName": "weakling", "password": "abc", "displayName": "W", "roles": ["agent"] }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        var taken = await admin.PostJsonAsync("/api/users/", """{ "userName": "agent", "password": "Temporary#2026", "displayName": "Again", "roles": ["agent"] }""")
            .ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["password"], ErrorFields(weak));
        Assert.Contains("'agent' is taken", taken.Text("detail"), StringComparison.Ordinal);
        await admin.PutJsonAsync("/api/users/u-nobody", """{ "displayName": "N", "roles": ["agent"] }""").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Teams_are_created_changed_and_deleted_and_their_members_see_the_teams_queue_after_signing_in()
    {
        using var admin = await AdminAsync();
        var person = await host.CreatePersonAsync(Identity.Roles.Agent);
        var key = await admin.CreateTeamAsync([], lead: "u-li");
        var queued = await host.CreateClient().OpenTicketAsync(await host.CreateClient().PublishDispatchedAsync($$"""{ "key": "crew", "name": "Crew", "strategy": "queue", "team": "{{key}}" }"""), "{}");
        using var before = await host.SignInAsync(person);
        var unseen = await before.GetAsync($"/api/tickets/{queued.Text("id")}");

        var changed = await admin.PutJsonAsync($"/api/teams/{key}", $$"""{ "name": "夜班 Night shift", "lead": "u-li", "members": ["{{person.Id}}", "tech-li"] }""").ExpectAsync(HttpStatusCode.OK);
        using var after = await host.SignInAsync(person);
        var seen = await after.GetAsync($"/api/tickets/{queued.Text("id")}").ExpectAsync(HttpStatusCode.OK);
        await admin.DeleteAsync($"/api/teams/{key}").ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.Equal(("夜班 Night shift", "李伟 Li Wei"), (changed.Text("name"), changed.GetProperty("lead").Text("name")));
        Assert.Equal(new[] { person.Id, "tech-li" }.Order(StringComparer.Ordinal), changed.Items("members").Select(m => m.Text("id")).Order(StringComparer.Ordinal));
        Assert.Equal(queued.Text("id"), seen.Text("id"));
        await admin.GetAsync($"/api/teams/{key}").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_team_with_a_bad_key_no_name_and_unknown_people_is_400_naming_them_and_a_taken_key_is_409()
    {
        using var admin = await AdminAsync();

        var problem = await admin.PostJsonAsync("/api/teams/", """{ "key": "Night Shift", "name": "", "lead": "nobody", "members": ["ghost", ""] }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        var taken = await admin.PostJsonAsync("/api/teams/", """{ "key": "maintenance", "name": "Again" }""").ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(["key", "lead", "members[0]", "members[1]", "name"], ErrorFields(problem));
        Assert.Equal("There is no person 'ghost'.", problem.GetProperty("errors").GetProperty("members[0]")[0].GetString());
        Assert.Contains("already exists", taken.Text("detail"), StringComparison.Ordinal);
        await admin.PutJsonAsync("/api/teams/no-such-team", """{ "name": "X" }""").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_demo_organisation_has_its_teams_departments_and_agents()
    {
        using var manager = await host.SignInAsync(DemoPeople.Manager);

        var teams = (await manager.GetAsync("/api/teams/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(t => t.Text("key")).ToList();
        var departments = (await manager.GetAsync("/api/departments/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var sun = await manager.GetAsync("/api/agents/tech-sun").ExpectAsync(HttpStatusCode.OK);

        Assert.Superset(new HashSet<string> { "maintenance", "electrical", "hvac", "it-support", "finance", "helpdesk" }, teams.ToHashSet());
        Assert.Equal("u-qian", departments.Single(d => d.Text("key") == "Production").GetProperty("head").Text("id"));
        Assert.Equal(("tech-ma", "outOfOffice"), (sun.GetProperty("profile").GetProperty("outOfOffice").Text("delegate"), sun.GetProperty("workload").Text("availability")));
        Assert.Equal(["深圳南山"], sun.GetProperty("profile").Items("sites").Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_agent_profile_holds_skills_regions_capacity_and_shift_and_shows_the_live_workload()
    {
        using var admin = await AdminAsync();
        var id = await admin.CreateUserAsync();

        var saved = await admin.PutJsonAsync($"/api/agents/{id}", """
            { "skills": { "electrical": 4, "hvac": 2 }, "regions": ["SH"], "sites": ["上海浦东"], "capacity": 6, "priorityWeights": { "P1": 3 }, "shift": "cn-workdays" }
            """).ExpectAsync(HttpStatusCode.OK);
        var user = await admin.GetAsync($"/api/users/{id}").ExpectAsync(HttpStatusCode.OK);

        var profile = saved.GetProperty("profile");
        Assert.Equal((4, 6, 3, "cn-workdays"), (profile.GetProperty("skills").GetProperty("electrical").GetInt32(), profile.GetProperty("capacity").GetInt32(),
            profile.GetProperty("priorityWeights").GetProperty("P1").GetInt32(), profile.Text("shift")));
        Assert.Equal((0, 6), (saved.GetProperty("workload").GetProperty("load").GetInt32(), saved.GetProperty("workload").GetProperty("capacity").GetInt32()));
        Assert.True(user.GetProperty("isAgent").GetBoolean());
        await admin.DeleteAsync($"/api/agents/{id}").ExpectAsync(HttpStatusCode.NoContent);
        await admin.GetAsync($"/api/agents/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_agent_profile_with_wrong_fields_is_400_naming_every_field()
    {
        using var admin = await AdminAsync();
        var id = await admin.CreateUserAsync();

        var problem = await admin.PutJsonAsync($"/api/agents/{id}", $$"""
            { "skills": { "electrical": 9 }, "regions": [""], "capacity": 0, "priorityWeights": { "P9": 2 }, "shift": "moon",
              "outOfOffice": { "from": "2026-03-10T00:00:00Z", "until": "2026-03-01T00:00:00Z", "delegate": "{{id}}" } }
            """).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["capacity", "outOfOffice.delegate", "outOfOffice.until", "priorityWeights.P9", "regions[0]", "shift", "skills.electrical"], ErrorFields(problem));
        await admin.GetAsync($"/api/agents/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await admin.PutJsonAsync("/api/agents/u-nobody", "{}").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{ "capacity": "lots" }""")]
    [InlineData("""{ "skills": ["electrical"] }""")]
    [InlineData("""{ "capacity": 1e400 }""")]
    [InlineData("""{ "outOfOffice": { "until": "next week" } }""")]
    [InlineData("[]")]
    [InlineData("{")]
    public async Task Unreadable_org_bodies_are_400_not_500(string body)
    {
        using var admin = await AdminAsync();

        await admin.PutJsonAsync("/api/agents/tech-zhao", body).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await admin.PostJsonAsync("/api/teams/", body).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await admin.PostJsonAsync("/api/users/", body).ExpectProblemAsync(HttpStatusCode.BadRequest);
        await admin.PutJsonAsync("/api/departments/Logistics", body).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Agents_set_their_own_availability_and_managers_anyones()
    {
        var person = await host.CreatePersonAsync(Identity.Roles.Agent);
        using var admin = await AdminAsync();
        await admin.PutJsonAsync($"/api/agents/{person.Id}", "{}").ExpectAsync(HttpStatusCode.OK);
        using var agent = await host.SignInAsync(person);
        using var manager = await host.SignInAsync(DemoPeople.Manager);

        var offDuty = await agent.PutJsonAsync($"/api/agents/{person.Id}/availability", """{ "onDuty": false }""").ExpectAsync(HttpStatusCode.OK);
        await agent.PutJsonAsync("/api/agents/tech-zhao/availability", """{ "onDuty": false }""").ExpectProblemAsync(HttpStatusCode.Forbidden);
        var away = await manager.PutJsonAsync($"/api/agents/{person.Id}/availability",
            """{ "onDuty": true, "outOfOffice": { "until": "2099-01-01T00:00:00Z", "delegate": "tech-li" } }""").ExpectAsync(HttpStatusCode.OK);
        var badDelegate = await manager.PutJsonAsync($"/api/agents/{person.Id}/availability", """{ "outOfOffice": { "delegate": "ghost" } }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("offDuty", offDuty.GetProperty("workload").Text("availability"));
        Assert.Equal("outOfOffice", away.GetProperty("workload").Text("availability"));
        Assert.Equal(["outOfOffice.delegate"], ErrorFields(badDelegate));
    }

    [Fact]
    public async Task Departments_name_their_head_and_an_unknown_head_is_400()
    {
        using var admin = await AdminAsync();

        var saved = await admin.PutJsonAsync("/api/departments/Logistics", """{ "name": "物流部 Logistics", "head": "u-qian" }""").ExpectAsync(HttpStatusCode.OK);
        var problem = await admin.PutJsonAsync("/api/departments/Logistics", """{ "name": "", "head": "ghost" }""").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(("物流部 Logistics", "钱进 Qian Jin"), (saved.Text("name"), saved.GetProperty("head").Text("name")));
        Assert.Equal(["head", "name"], ErrorFields(problem));
    }
}
