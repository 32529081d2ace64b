using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Whatever a client sends, the answer is never a 500: garbage bodies, wrong JSON types, numbers no
/// type holds, nulls where objects belong, nesting far beyond any real document.
/// </summary>
public sealed class HostileInputTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private const string Hole = "__hostile__";
    private const string KeyHole = "__key__";
    private readonly HttpClient _client = host.CreateClient();

    /// <summary>Bodies no route can accept: each must be refused with a 4xx problem.</summary>
    private static readonly string[] Garbage =
    [
        "", " ", "null", "[]", "42", "\"text\"", "true", "{", "}{", "{\"a\":}", "{'a': 1}", "{\"a\": 1,,}", "{} {}",
        "\uFEFF[1]", "{\"a\": NaN}", new string('[', 5_000), Nest("{\"a\":", "}", 1_000, "1"),
    ];

    /// <summary>Values put in place of one property of an otherwise sound body.</summary>
    private static readonly string[] Values =
    [
        "42", "-1", "1e400", "-1e400", "123456789012345678901234567890123456789", "0.00000000000000000000000000000001",
        "true", "null", "\"\"", "\"text\"", "\"\\u0000\\ud800\"", $"\"{new string('x', 10_000)}\"",
        "[]", "[null]", "[[[[[1]]]]]", "{}", "{\"a\": {\"b\": [1, {\"c\": null}]}}", Nest("[", "]", 200, "1"),
    ];

    [Fact]
    public async Task Garbage_and_hostile_bodies_to_every_post_and_put_route_never_get_a_server_error()
    {
        var draftKey = TestTicketTypes.NewKey("hostile-draft");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(draftKey));
        var repair = await _client.OpenRepairAsync();
        var (id, task) = (repair.Text("id"), repair.OpenTaskAt("repair"));
        var doomed = (await _client.OpenRepairAsync()).Text("id");
        var failures = new ConcurrentBag<string>();

        var routes = new Route[]
        {
            new(HttpMethod.Post, "/api/ticket-types/"), new(HttpMethod.Put, $"/api/ticket-types/{draftKey}/draft"),
            new(HttpMethod.Post, $"/api/ticket-types/{draftKey}/validate", ReadsBody: false), new(HttpMethod.Post, $"/api/ticket-types/{draftKey}/publish", ReadsBody: false),
            new(HttpMethod.Post, "/api/ticket-types/import"), new(HttpMethod.Post, "/api/tickets/"),
            new(HttpMethod.Post, $"/api/tickets/{id}/tasks/{task}/complete"), new(HttpMethod.Post, $"/api/tickets/{id}/tasks/{task}/assign"),
            new(HttpMethod.Post, $"/api/tickets/{id}/comments"), new(HttpMethod.Post, $"/api/tickets/{doomed}/cancel", EmptyBodyAllowed: true),
            new(HttpMethod.Post, $"/api/tickets/{id}/incidents/i1/retry", ReadsBody: false),
        };
        // Every route's first string property holding bytes that are not UTF-8.
        var notUtf8 = Encoding.UTF8.GetBytes("""{ "key": "?", "type": "?", "action": "?", "assignee": "?", "text": "?", "reason": "?" }""")
            .Select(b => b == (byte)'?' ? (byte)0xFF : b).ToArray();
        var calls = routes.SelectMany(route => Garbage.Select(body => new Call(route, Encoding.UTF8.GetBytes(body), "application/json"))
            .Append(new Call(route, notUtf8, "application/json"))
            .Append(new Call(route, "{}"u8.ToArray(), "text/plain")));
        await ForEach(calls, async call =>
        {
            using var request = new HttpRequestMessage(call.Route.Method, call.Route.Url) { Content = new ByteArrayContent(call.Body) };
            request.Content.Headers.ContentType = new(call.ContentType);
            using var response = await _client.SendAsync(request);
            var mustRefuse = call.Route.ReadsBody && !(call.Body.Length == 0 && call.Route.EmptyBodyAllowed);
            await Check(response, $"{call.ContentType} {Encoding.UTF8.GetString(call.Body)}", failures, mustRefuse);
        });

        // Ticket types: each hostile draft is also validated, published, exported and, if published, opened as a ticket.
        await ForEach(Mutations(TestTicketTypes.DeskMove(KeyHole), TicketTypePaths), async body =>
        {
            var key = TestTicketTypes.NewKey("hostile");
            var json = body.Replace(KeyHole, key, StringComparison.Ordinal);
            await Send(HttpMethod.Post, "/api/ticket-types/", json, failures);
            await Send(HttpMethod.Post, "/api/ticket-types/import", json.Replace(key, key + "-i", StringComparison.Ordinal), failures);
            await Send(HttpMethod.Put, $"/api/ticket-types/{draftKey}/draft", json, failures);
            await Send(HttpMethod.Post, $"/api/ticket-types/{key}/validate", null, failures, $"after {json}");
            await Send(HttpMethod.Get, $"/api/ticket-types/{key}/export", null, failures, $"after {json}");
            if (await Send(HttpMethod.Post, $"/api/ticket-types/{key}/publish", null, failures, $"after {json}") == HttpStatusCode.OK)
                await Send(HttpMethod.Post, "/api/tickets/", $$"""{ "type": "{{key}}", "form": {} }""", failures, $"after publishing {json}");
        });

        var ticket = $$"""{ "type": "equipment-repair", "title": "t", "priority": "P3", "form": {{TestTicketTypes.RepairForm}}, "requester": { "id": "u-1", "name": "U" } }""";
        await ForEach(Mutations(ticket, ["type", "title", "priority", "form", "form.Asset", "form.Urgent", "form.Photos", "requester", "requester.id"]),
            body => Send(HttpMethod.Post, "/api/tickets/", body, failures));
        var photo = (await _client.UploadAsync("photo.png", Uploads.Png)).Text("id");
        var repairWithPhoto = $$"""{ "type": "equipment-repair", "form": { "Asset": "A", "Site": "SH", "Category": "it", "Description": "d", "Photos": [ { "id": "{{photo}}", "name": "p.png", "size": 1, "contentType": "image/png" } ] } }""";
        await ForEach(Mutations(repairWithPhoto, ["form.Photos[0]", "form.Photos[0].id", "form.Photos[0].name", "form.Photos[0].size", "form.Photos[0].contentType"]),
            body => Send(HttpMethod.Post, "/api/tickets/", body, failures));
        var claim = TestTicketTypes.ExpenseForm("""[ { "Item": "Hotel", "Category": "hotel", "Amount": 1200 } ]""", """, "Receipts": [ { "id": "att-x" } ]""");
        var expense = $$"""{ "type": "expense-approval", "form": {{claim}} }""";
        await ForEach(Mutations(expense, ["form.Lines", "form.Lines[0]", "form.Lines[0].Item", "form.Lines[0].Amount", "form.Lines[0].Category", "form.StartDate",
                "form.EndDate", "form.Amount", "form.Receipts", "form.Receipts[0]", "form.Receipts[0].id"]),
            body => Send(HttpMethod.Post, "/api/tickets/", body, failures));
        await ForEach(Mutations("""{ "action": "nope", "comment": "c", "data": { "RepairNotes": "n", "PartsCost": 1 } }""", ["action", "comment", "data", "data.RepairNotes", "data.PartsCost"]),
            body => Send(HttpMethod.Post, $"/api/tickets/{id}/tasks/{task}/complete", body, failures));
        await ForEach(Mutations("""{ "assignee": "tech-li", "reason": "r" }""", ["assignee", "reason"]),
            body => Send(HttpMethod.Post, $"/api/tickets/{id}/tasks/{task}/assign", body, failures));
        await ForEach(Mutations("""{ "text": "t", "internal": false }""", ["text", "internal"]),
            body => Send(HttpMethod.Post, $"/api/tickets/{id}/comments", body, failures));
        await ForEach(Mutations("""{ "reason": "r" }""", ["reason"]),
            body => Send(HttpMethod.Post, $"/api/tickets/{doomed}/cancel", body, failures));

        Assert.True(failures.IsEmpty, $"{failures.Count} server error(s) or unrefused garbage:\n{string.Join("\n", failures.Order(StringComparer.Ordinal))}");
        await _client.GetTicketAsync(id); // the ticket that took the beating still reads back, and so do the list and the types
        Assert.True((await _client.ListAsync("pageSize=200")).GetProperty("total").GetInt64() >= 9);
        await _client.GetAsync("/api/ticket-types/").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Garbage_and_hostile_values_to_the_organisation_and_assignment_routes_never_get_a_server_error()
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);
        var agent = await admin.CreateAgentAsync("Hostile target");
        var team = await admin.CreateTeamAsync(["tech-li"]);
        var repair = await _client.OpenRepairAsync();
        var task = $"/api/tickets/{repair.Text("id")}/tasks/{repair.OpenTaskAt("repair")}";
        var failures = new ConcurrentBag<string>();
        async Task Send(HttpMethod method, string url, string body)
        {
            using var request = new HttpRequestMessage(method, url) { Content = ApiCalls.Json(body) };
            using var response = await admin.SendAsync(request);
            await Check(response, body, failures, mustRefuse: false);
        }

        var routes = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, "/api/users/"), (HttpMethod.Put, $"/api/users/{agent}"), (HttpMethod.Post, "/api/teams/"), (HttpMethod.Put, $"/api/teams/{team}"),
            (HttpMethod.Put, "/api/departments/Hostile"), (HttpMethod.Put, $"/api/agents/{agent}"), (HttpMethod.Put, $"/api/agents/{agent}/availability"),
            (HttpMethod.Post, $"{task}/claim"), (HttpMethod.Post, $"{task}/release"), (HttpMethod.Post, $"{task}/reassign"),
        };
        await ForEach(routes.SelectMany(r => Garbage.Select(g => (r.Method, r.Url, Body: g))), async call =>
        {
            using var request = new HttpRequestMessage(call.Method, call.Url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(call.Body)) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await admin.SendAsync(request);
            await Check(response, call.Body, failures, mustRefuse: call.Body.Length > 0);
        });

        const string Profile = """{ "name": "n", "skills": { "electrical": 3 }, "regions": ["SH"], "sites": ["上海浦东"], "capacity": 5, "priorityWeights": { "P1": 2 }, "shift": "24x7", "onDuty": true, "outOfOffice": { "from": "2026-03-01T00:00:00Z", "until": "2026-03-05T00:00:00Z", "delegate": "tech-li" } }""";
        await ForEach(Mutations(Profile, ["name", "skills", "skills.electrical", "regions", "regions[0]", "sites", "capacity", "priorityWeights", "priorityWeights.P1",
            "shift", "onDuty", "outOfOffice", "outOfOffice.from", "outOfOffice.until", "outOfOffice.delegate"]), body => Send(HttpMethod.Put, $"/api/agents/{agent}", body));
        await ForEach(Mutations("""{ "onDuty": true, "outOfOffice": { "until": "2026-03-05T00:00:00Z", "delegate": "tech-li" } }""", ["onDuty", "outOfOffice", "outOfOffice.until", "outOfOffice.delegate"]),
            body => Send(HttpMethod.Put, $"/api/agents/{agent}/availability", body));
        await ForEach(Mutations("""{ "key": "k", "name": "n", "description": "d", "lead": "u-li", "members": ["tech-li"] }""", ["key", "name", "description", "lead", "members", "members[0]"]),
            async body => { await Send(HttpMethod.Post, "/api/teams/", body); await Send(HttpMethod.Put, $"/api/teams/{team}", body); });
        await ForEach(Mutations("""{ "userName": "hostile-user", "password": "Temporary#2026", "displayName": "d", "email": "a@b.c", "roles": ["agent"], "department": "IT", "managerId": "u-li", "region": "SH", "orgRoles": ["x"] }""",
            ["userName", "password", "displayName", "email", "roles", "roles[0]", "department", "managerId", "region", "orgRoles", "orgRoles[0]"]),
            async body => { await Send(HttpMethod.Post, "/api/users/", body); await Send(HttpMethod.Put, $"/api/users/{agent}", body); });
        await ForEach(Mutations("""{ "name": "n", "head": "u-li" }""", ["name", "head"]), body => Send(HttpMethod.Put, "/api/departments/Hostile", body));
        await ForEach(Mutations("""{ "assignee": "tech-li", "reason": "r" }""", ["assignee", "reason"]), body => Send(HttpMethod.Post, $"{task}/reassign", body));

        Assert.True(failures.IsEmpty, $"{failures.Count} server error(s) or unrefused garbage:\n{string.Join("\n", failures.Order(StringComparer.Ordinal))}");
        await admin.GetAsync($"/api/agents/{agent}").ExpectAsync(HttpStatusCode.OK);
        await admin.GetAsync("/api/users/").ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>A POST or PUT route; some ignore the body (it must still do no harm), cancel takes an empty one.</summary>
    private sealed record Route(HttpMethod Method, string Url, bool ReadsBody = true, bool EmptyBodyAllowed = false);

    private sealed record Call(Route Route, byte[] Body, string ContentType);

    private static readonly string[] TicketTypePaths =
    [
        "key", "name", "category", "description", "form", "form.sections", "form.sections[0]", "form.sections[0].fields", "form.sections[0].fields[0]",
        "form.sections[0].fields[0].key", "form.sections[0].fields[0].type", "form.sections[0].fields[0].options", "form.sections[0].fields[0].visibleWhen",
        "form.sections[0].fields[0].default", "form.sections[0].fields[0].files", "form.sections[0].fields[0].columns", "form.sections[0].columns",
        "form.optionSets", "form.rules", "form.schemaVersion",
        "taskForms", "taskForms.handle-notes", "taskForms.handle-notes.sections", "dispatchRules", "workflow", "workflow.schemaVersion", "workflow.variables", "workflow.nodes",
        "workflow.nodes[1]", "workflow.nodes[1].actions", "workflow.nodes[1].assignment", "workflow.connections", "workflow.connections[0].source",
        "workflow.layout",
    ];

    /// <summary>The body with one property (a dotted path, with [i] for list items) replaced by each hostile value in turn.</summary>
    private static IEnumerable<string> Mutations(string body, IEnumerable<string> paths) =>
        from path in paths
        from value in Values
        select Replace(body, path).Replace($"\"{Hole}\"", value, StringComparison.Ordinal);

    private static string Replace(string body, string path)
    {
        var root = JsonNode.Parse(body)!;
        var segments = path.Split('.');
        var node = root;
        foreach (var segment in segments[..^1]) node = Step(node, segment);
        var last = segments[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0) node[last] = Hole;
        else node[last[..bracket]]![int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = Hole;
        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? node[segment]!
            : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
    }

    private async Task<HttpStatusCode> Send(HttpMethod method, string url, string? body, ConcurrentBag<string> failures, string? context = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : ApiCalls.Json(body) };
        using var response = await _client.SendAsync(request);
        await Check(response, context ?? body ?? "", failures, mustRefuse: false);
        return response.StatusCode;
    }

    private static async Task Check(HttpResponseMessage response, string sent, ConcurrentBag<string> failures, bool mustRefuse)
    {
        var status = (int)response.StatusCode;
        var refused = status is >= 400 and < 500;
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        if (status >= 500 || (mustRefuse && !refused) || (refused && !isProblem))
        {
            var answer = await response.Content.ReadAsStringAsync();
            failures.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} -> {status} {Shorten(answer)} for {Shorten(sent)}");
        }
    }

    private static Task ForEach<T>(IEnumerable<T> items, Func<T, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) => await action(item));

    private static string Nest(string open, string close, int depth, string inner) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}… ({text.Length} chars)";
}
