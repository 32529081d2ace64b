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
    private readonly HttpClient _administrator;
    private readonly Lazy<Task<string>> _queuedType;
    private readonly Lazy<Task<JsonElement>> _ticketToRead;
    private readonly Lazy<Task<string>> _attachmentOnTicket;

    public MatrixRequests(HttpClient integration, HttpClient administrator)
    {
        _integration = integration;
        _administrator = administrator;
        _queuedType = new(integration.PublishMaintenanceTriageAsync);
        _ticketToRead = new(() => OpenForZhangAsync(amount: 4));
        _attachmentOnTicket = new(AttachToTicketOfZhangAsync);
    }

    public async Task<HttpRequestMessage> ForAsync(string route) => route switch
    {
        "Health" => Get("/health"),
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
        await _administrator.PostJsonAsync("/api/clients/", NewClientJson(id)).ExpectAsync(HttpStatusCode.Created);
        return request(id);
    }

    private async Task<HttpRequestMessage> FreshTicketOfZhang(Func<JsonElement, HttpRequestMessage> request) => request(await OpenForZhangAsync(amount: 4));

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
