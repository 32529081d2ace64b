using System.Net;
using System.Text.Json;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// For each route of the access matrix, a request that succeeds for a caller who is allowed. Ticket
/// routes act on a ticket of 张三 queued for the maintenance team (<see cref="TestTicketTypes.MaintenanceTriage"/>),
/// made by the integration client, fresh for each call that changes something (as are drafts), so callers
/// do not get in each other's way.
/// </summary>
internal sealed class MatrixRequests
{
    private const string ZhangSan = """{ "id": "u-zhang", "name": "张三 Zhang San" }""";
    private readonly HttpClient _integration;
    private readonly HttpClient _admin;
    private readonly Lazy<Task<string>> _queuedType;
    private readonly Lazy<Task<JsonElement>> _ticketToRead;
    private readonly Lazy<Task<string>> _attachmentOnTicket;

    /// <param name="integration">Opens tickets and ticket types for the requests.</param>
    /// <param name="admin">Makes the people, teams and agents the organisation requests change.</param>
    public MatrixRequests(HttpClient integration, HttpClient admin)
    {
        _integration = integration;
        _admin = admin;
        _queuedType = new(integration.PublishMaintenanceTriageAsync);
        _ticketToRead = new(() => OpenForZhangAsync(amount: 4));
        _attachmentOnTicket = new(AttachToTicketOfZhangAsync);
    }

    public async Task<HttpRequestMessage> ForAsync(string route) => route switch
    {
        "Health" => Get("/health"),
        "SearchAssets" => Get("/api/assets?q=%E7%A9%BA%E8%B0%83"),
        "ListTicketTypes" => Get("/api/ticket-types/"),
        "ListTicketTypeVersions" => Get("/api/ticket-types/equipment-repair/versions"),
        "GetTicketTypeVersion" => Get("/api/ticket-types/equipment-repair/versions/1"),
        "GetTicketType" => Get("/api/ticket-types/equipment-repair"),
        "ExportTicketType" => Get("/api/ticket-types/equipment-repair/export"),
        "CreateTicketType" => Post("/api/ticket-types/", TestTicketTypes.DeskMove(TestTicketTypes.NewKey("matrix"))),
        "ImportTicketType" => Post("/api/ticket-types/import", TestTicketTypes.DeskMove(TestTicketTypes.NewKey("matrix"))),
        "SaveTicketTypeDraft" => await FreshDraft(key => Put($"/api/ticket-types/{key}/draft", TestTicketTypes.DeskMove(key, name: "Renamed"))),
        "ValidateTicketType" => await FreshDraft(key => Post($"/api/ticket-types/{key}/validate")),
        "PublishTicketType" => await FreshDraft(key => Post($"/api/ticket-types/{key}/publish")),
        "DeleteTicketType" => await FreshDraft(key => new HttpRequestMessage(HttpMethod.Delete, $"/api/ticket-types/{key}")),
        "ListTickets" => Get("/api/tickets/"),
        "CreateTicket" => Post("/api/tickets/", $$"""{ "type": "equipment-repair", "form": {{TestTicketTypes.RepairForm}} }"""),
        "GetTicket" => Get($"/api/tickets/{(await _ticketToRead.Value).Text("id")}"),
        "CompleteTask" => await FreshTicketOfZhang(t => Post($"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("triage")}/complete", """{ "action": "go" }""")),
        "AssignTask" => await FreshTicketOfZhang(t => Post($"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("triage")}/assign", """{ "assignee": "tech-li" }""")),
        "AddComment" => await FreshTicketOfZhang(t => Post($"/api/tickets/{t.Text("id")}/comments", """{ "text": "Any news?" }""")),
        "CancelTicket" => await FreshTicketOfZhang(t => Post($"/api/tickets/{t.Text("id")}/cancel", """{ "reason": "No longer needed" }""")),
        "RetryIncident" => await FreshIncidentOfZhang(),
        "ListClients" => Get("/api/clients/"),
        "CreateClient" => Post("/api/clients/", NewClientJson(TestTicketTypes.NewKey("matrix"))),
        "RotateClientSecret" => await FreshClient(id => Post($"/api/clients/{id}/secret")),
        "DeleteClient" => await FreshClient(id => new HttpRequestMessage(HttpMethod.Delete, $"/api/clients/{id}")),
        "UploadAttachment" => new HttpRequestMessage(HttpMethod.Post, "/api/attachments/") { Content = Uploads.File("故障说明 note.txt", "Spindle rattles at 1200 rpm"u8.ToArray()) },
        "DownloadAttachment" => Get($"/api/attachments/{await _attachmentOnTicket.Value}"),
        "ClaimTask" => await FreshTicketOfZhang(t => Post($"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("triage")}/claim")),
        "ReleaseTask" => await FreshTicketOfZhang(async t =>
        {
            await _integration.PostJsonAsync($"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("triage")}/reassign", """{ "assignee": "u-li" }""").ExpectAsync(HttpStatusCode.OK);
            return Post($"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("triage")}/release", """{ "reason": "not mine" }""");
        }),
        "ReassignTask" => await FreshTicketOfZhang(t => Post($"/api/tickets/{t.Text("id")}/tasks/{t.OpenTaskAt("triage")}/reassign", """{ "assignee": "tech-zhao", "reason": "BJ" }""")),
        "ListUsers" => Get("/api/users/"),
        "GetUser" => Get("/api/users/u-zhang"),
        "CreateUser" => Post("/api/users/", NewUser()),
        "UpdateUser" => Put($"/api/users/{await FreshUser()}", """{ "displayName": "Renamed", "roles": ["agent"], "department": "IT" }"""),
        "ListCalendars" => Get("/api/calendars/"),
        "SaveCalendar" => Put($"/api/calendars/{TestTicketTypes.NewKey("cal")}", """{ "name": "Night desk", "timeZone": "Asia/Shanghai", "week": [ { "day": "Monday", "start": "20:00:00", "end": "23:00:00" } ] }"""),
        "LockUser" => Post($"/api/users/{await FreshUser()}/lock"),
        "UnlockUser" => Post($"/api/users/{await FreshUser()}/unlock"),
        "ListTeams" => Get("/api/teams/"),
        "GetTeam" => Get("/api/teams/maintenance"),
        "CreateTeam" => Post("/api/teams/", $$"""{ "key": "{{TestTicketTypes.NewKey("team")}}", "name": "Night shift" }"""),
        "UpdateTeam" => Put($"/api/teams/{await FreshTeam()}", """{ "name": "Renamed", "members": ["tech-li"], "lead": "tech-li" }"""),
        "DeleteTeam" => new HttpRequestMessage(HttpMethod.Delete, $"/api/teams/{await FreshTeam()}"),
        "ListDepartments" => Get("/api/departments/"),
        "SaveDepartment" => Put($"/api/departments/{TestTicketTypes.NewKey("dept")}", """{ "name": "Logistics", "head": "u-li" }"""),
        "ListAgents" => Get("/api/agents/"),
        "GetAgent" => Get("/api/agents/tech-li"),
        "SaveAgent" => Put($"/api/agents/{await FreshUser()}", AgentProfile),
        "SetAgentAvailability" => Put("/api/agents/tech-zhao/availability", """{ "onDuty": true }"""),
        "DeleteAgent" => new HttpRequestMessage(HttpMethod.Delete, $"/api/agents/{await FreshAgent()}"),
        _ => throw new InvalidOperationException($"No request for route '{route}': add one beside its row in the access matrix."),
    };

    private async Task<HttpRequestMessage> FreshDraft(Func<string, HttpRequestMessage> request)
    {
        var key = TestTicketTypes.NewKey("matrix");
        await _integration.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));
        return request(key);
    }

    private static string NewClientJson(string id) => $$"""{ "clientId": "{{id}}", "name": "Matrix ERP", "scopes": ["tickets.read"] }""";

    /// <summary>A client registered by an administrator for this one call (the integration client may not register any).</summary>
    private async Task<HttpRequestMessage> FreshClient(Func<string, HttpRequestMessage> request)
    {
        var id = TestTicketTypes.NewKey("matrix");
        await _admin.PostJsonAsync("/api/clients/", NewClientJson(id)).ExpectAsync(HttpStatusCode.Created);
        return request(id);
    }

    private async Task<HttpRequestMessage> FreshTicketOfZhang(Func<JsonElement, HttpRequestMessage> request) => request(await OpenForZhangAsync(amount: 4));

    private async Task<HttpRequestMessage> FreshTicketOfZhang(Func<JsonElement, Task<HttpRequestMessage>> request) => await request(await OpenForZhangAsync(amount: 4));

    private const string AgentProfile = """{ "skills": { "electrical": 3 }, "regions": ["SH"], "sites": ["上海浦东"], "capacity": 4 }""";

    private static string NewUser() =>
        $$"""{ "userName": "{{TestTicketTypes.NewKey("user")}}", "password": "Temporary#2026", "displayName": "测试 Test", "roles": ["agent"] }""";

    private async Task<string> FreshUser() => (await _admin.PostJsonAsync("/api/users/", NewUser()).ExpectAsync(HttpStatusCode.Created)).Text("id");

    private async Task<string> FreshAgent()
    {
        var id = await FreshUser();
        await _admin.PutJsonAsync($"/api/agents/{id}", AgentProfile).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    private async Task<string> FreshTeam()
    {
        var key = TestTicketTypes.NewKey("team");
        await _admin.PostJsonAsync("/api/teams/", $$"""{ "key": "{{key}}", "name": "Temporary" }""").ExpectAsync(HttpStatusCode.Created);
        return key;
    }

    /// <summary>A ticket of 张三 whose triage is done and whose next step failed.</summary>
    private async Task<HttpRequestMessage> FreshIncidentOfZhang()
    {
        var ticket = await OpenForZhangAsync(amount: 0);
        var failed = await _integration.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("triage"), """{ "action": "go" }""").ExpectAsync(HttpStatusCode.OK);
        return Post($"/api/tickets/{ticket.Text("id")}/incidents/{failed.Items("incidents").Single().Text("id")}/retry");
    }

    private async Task<JsonElement> OpenForZhangAsync(int amount, string? attachmentId = null)
    {
        var documents = attachmentId is null ? "" : $$""", "Documents": [ { "id": "{{attachmentId}}" } ]""";
        return await _integration.PostJsonAsync("/api/tickets/", $$"""{ "type": "{{await _queuedType.Value}}", "form": { "Amount": {{amount}}{{documents}} }, "requester": {{ZhangSan}} }""")
            .ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>A file the integration uploaded and attached to a ticket of 张三 queued for the maintenance team.</summary>
    private async Task<string> AttachToTicketOfZhangAsync()
    {
        var attachment = await _integration.UploadAsync("故障照片 photo.png", Uploads.Png);
        await OpenForZhangAsync(amount: 4, attachment.Text("id"));
        return attachment.Text("id");
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Post(string url, string? json = null) => new(HttpMethod.Post, url) { Content = json is null ? null : ApiCalls.Json(json) };

    private static HttpRequestMessage Put(string url, string json) => new(HttpMethod.Put, url) { Content = ApiCalls.Json(json) };
}
