using System.Net;
using System.Text.Json;

namespace LowCode.Server.Tests.Api;

/// <summary>Organisation steps tests share (as an administrator): people, agent profiles, teams, and a type dispatched by a rule.</summary>
internal static class OrgApi
{
    public static async Task<string> CreateUserAsync(this HttpClient admin, string role = "agent", string? name = null)
    {
        var userName = TestTicketTypes.NewKey("p");
        var body = $$"""{ "userName": "{{userName}}", "password": "Temporary#2026", "displayName": {{JsonSerializer.Serialize(name ?? $"Person {userName}")}}, "roles": ["{{role}}"] }""";
        return (await admin.PostJsonAsync("/api/users/", body).ExpectAsync(HttpStatusCode.Created)).Text("id");
    }

    public static async Task<string> CreateAgentAsync(this HttpClient admin, string name, string profile = """{ "capacity": 5 }""")
    {
        var id = await admin.CreateUserAsync("agent", name);
        await admin.PutJsonAsync($"/api/agents/{id}", profile).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    public static async Task<string> CreateTeamAsync(this HttpClient admin, IEnumerable<string> members, string? lead = null)
    {
        var key = TestTicketTypes.NewKey("team");
        var body = $$"""{ "key": "{{key}}", "name": "Team {{key}}", "members": {{JsonSerializer.Serialize(members)}}, "lead": {{JsonSerializer.Serialize(lead)}} }""";
        await admin.PostJsonAsync("/api/teams/", body).ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    /// <summary>Publishes a type whose one step ("work", left by "done") is assigned by the given dispatch rule (JSON, key "crew").</summary>
    public static async Task<string> PublishDispatchedAsync(this HttpClient client, string rule)
    {
        var key = TestTicketTypes.NewKey("dispatch");
        await client.CreateTicketTypeAsync(TestTicketTypes.Dispatched(key, rule));
        await client.PublishAsync(key);
        return key;
    }

    public static JsonElement Decision(this JsonElement ticket) =>
        ticket.Items("timeline").Single(e => e.Text("kind") == "Dispatch").GetProperty("after");
}
