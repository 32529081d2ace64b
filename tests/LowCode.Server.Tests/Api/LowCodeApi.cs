using System.Net;
using System.Text.Json;

namespace LowCode.Server.Tests.Api;

/// <summary>Steps several tests share, each one call to the API with its expected answer.</summary>
internal static class LowCodeApi
{
    public static async Task<JsonElement> CreateTicketTypeAsync(this HttpClient client, string definition) =>
        await client.PostJsonAsync("/api/ticket-types/", definition).ExpectAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> PublishAsync(this HttpClient client, string key) =>
        await client.PostAsync($"/api/ticket-types/{key}/publish", null).ExpectAsync(HttpStatusCode.OK);

    /// <summary>Creates and publishes a <see cref="TestTicketTypes.DeskMove"/> type under a new key.</summary>
    public static async Task<string> PublishDeskMoveAsync(this HttpClient client, string prefix = "desk")
    {
        var key = TestTicketTypes.NewKey(prefix);
        await client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));
        await client.PublishAsync(key);
        return key;
    }

    /// <summary>Creates and publishes a <see cref="TestTicketTypes.MaintenanceTriage"/> type under a new key.</summary>
    public static async Task<string> PublishMaintenanceTriageAsync(this HttpClient client)
    {
        var key = TestTicketTypes.NewKey("triage");
        await client.CreateTicketTypeAsync(TestTicketTypes.MaintenanceTriage(key));
        await client.PublishAsync(key);
        return key;
    }

    public static async Task<JsonElement> OpenTicketAsync(this HttpClient client, string type, string form, string? title = null)
    {
        var body = $$"""{ "type": "{{type}}", "form": {{form}}{{(title is null ? "" : $", \"title\": {JsonSerializer.Serialize(title)}")}} }""";
        return await client.PostJsonAsync("/api/tickets/", body).ExpectAsync(HttpStatusCode.Created);
    }

    public static Task<JsonElement> OpenRepairAsync(this HttpClient client, string? title = null) =>
        client.OpenTicketAsync("equipment-repair", TestTicketTypes.RepairForm, title);

    public static async Task<JsonElement> GetTicketAsync(this HttpClient client, string id) =>
        await client.GetAsync($"/api/tickets/{id}").ExpectAsync(HttpStatusCode.OK);

    /// <summary>The open task of the ticket at a step (node id).</summary>
    public static string OpenTaskAt(this JsonElement ticket, string nodeId) =>
        ticket.Items("tasks").Single(t => t.Text("nodeId") == nodeId && t.Text("status") == "open").Text("id");

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string ticketId, string taskId, string body) =>
        client.PostJsonAsync($"/api/tickets/{ticketId}/tasks/{taskId}/complete", body);

    public static async Task<JsonElement> ListAsync(this HttpClient client, string query) =>
        await client.GetAsync($"/api/tickets/?{query}").ExpectAsync(HttpStatusCode.OK);
}
