using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace LowCode.Host.Tests.Hosting;

/// <summary>The few REST calls these tests make, over one host's HTTP client.</summary>
public sealed class LowCodeApi(HttpClient http)
{
    /// <summary>Creates the ticket type as a draft and publishes it; fails with the server's answer otherwise.</summary>
    public async Task PublishTicketTypeAsync(string key, string definitionJson, CancellationToken ct = default)
    {
        using (var created = await http.PostAsync("/api/ticket-types", new StringContent(definitionJson, Encoding.UTF8, "application/json"), ct))
            await ExpectAsync(created, HttpStatusCode.Created, $"creating ticket type {key}", ct);
        using var published = await http.PostAsync($"/api/ticket-types/{key}/publish", null, ct);
        await ExpectAsync(published, HttpStatusCode.OK, $"publishing ticket type {key}", ct);
    }

    public async Task<TicketSnapshot> CreateTicketAsync(string type, string title, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/tickets", new { type, title }, ct);
        await ExpectAsync(response, HttpStatusCode.Created, $"creating a {type} ticket", ct);
        return await ReadTicketAsync(response, ct);
    }

    /// <summary>The raw answer to completing a task, for callers that decide what a refusal means.</summary>
    public Task<HttpResponseMessage> PostCompleteAsync(string ticketId, string taskId, string action, CancellationToken ct = default) =>
        http.PostAsJsonAsync($"/api/tickets/{ticketId}/tasks/{taskId}/complete", new { action }, ct);

    public async Task<TicketSnapshot> CompleteTaskAsync(string ticketId, string taskId, string action, CancellationToken ct = default)
    {
        using var response = await PostCompleteAsync(ticketId, taskId, action, ct);
        await ExpectAsync(response, HttpStatusCode.OK, $"completing task {taskId} of {ticketId} with {action}", ct);
        return await ReadTicketAsync(response, ct);
    }

    /// <summary>The ticket from its grain, or null when the host answers 404.</summary>
    public async Task<TicketSnapshot?> FindTicketAsync(string ticketId, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/tickets/{ticketId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await ExpectAsync(response, HttpStatusCode.OK, $"reading ticket {ticketId}", ct);
        return await ReadTicketAsync(response, ct);
    }

    public async Task<TicketSnapshot> GetTicketAsync(string ticketId, CancellationToken ct = default) =>
        await FindTicketAsync(ticketId, ct) ?? throw new InvalidOperationException($"Ticket {ticketId} does not exist (404).");

    /// <summary>Every row of the read model's ticket list (<c>GET /api/tickets</c>), page by page.</summary>
    public async Task<IReadOnlyDictionary<string, TicketListRow>> ListAllTicketsAsync(CancellationToken ct = default)
    {
        var rows = new Dictionary<string, TicketListRow>();
        for (var page = 1; ; page++)
        {
            using var response = await http.GetAsync($"/api/tickets?page={page}&pageSize=200", ct);
            await ExpectAsync(response, HttpStatusCode.OK, $"listing tickets (page {page})", ct);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var items = json.RootElement.GetProperty("items");
            foreach (var item in items.EnumerateArray())
            {
                var row = new TicketListRow(item.GetProperty("id").GetString()!, item.GetProperty("status").GetString()!, item.GetProperty("currentSteps").GetString()!);
                rows[row.Id] = row;
            }
            if (items.GetArrayLength() < 200) return rows;
        }
    }

    public async Task<HealthAnswer> HealthAsync(CancellationToken ct = default)
    {
        using var response = await http.GetAsync("/health", ct);
        await ExpectAsync(response, HttpStatusCode.OK, "asking /health", ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return new HealthAnswer(json.RootElement.GetProperty("status").GetString()!, json.RootElement.GetProperty("storage").GetString()!);
    }

    private static async Task<TicketSnapshot> ReadTicketAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return TicketSnapshot.From(json.RootElement);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken ct)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new UnexpectedAnswerException(response.StatusCode, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
    }
}

/// <summary>The host answered, but not as expected (the status code says how).</summary>
public sealed class UnexpectedAnswerException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}

public sealed record HealthAnswer(string Status, string Storage);

/// <summary>A row of the read model's ticket list.</summary>
public sealed record TicketListRow(string Id, string Status, string CurrentSteps);

/// <summary>What the tests read from a ticket as the API shows it (from its grain).</summary>
public sealed record TicketSnapshot(string Id, string Status, IReadOnlyList<TaskSnapshot> Tasks, int Deadlines)
{
    public IEnumerable<TaskSnapshot> OpenTasks => Tasks.Where(t => t.Status == "open");

    /// <summary>The read model's "current steps": open task names, in order, without repeats.</summary>
    public string CurrentSteps => string.Join(", ", OpenTasks.Select(t => t.Name).Distinct());

    public TaskSnapshot? OpenTask(string nodeId) => OpenTasks.FirstOrDefault(t => t.NodeId == nodeId);

    public static TicketSnapshot From(JsonElement json) => new(
        json.GetProperty("id").GetString()!,
        json.GetProperty("status").GetString()!,
        json.GetProperty("tasks").EnumerateArray().Select(t => new TaskSnapshot(
            t.GetProperty("id").GetString()!, t.GetProperty("nodeId").GetString()!, t.GetProperty("name").GetString()!,
            t.GetProperty("status").GetString()!, t.TryGetProperty("action", out var action) ? action.GetString() : null)).ToList(),
        json.TryGetProperty("deadlines", out var deadlines) ? deadlines.GetArrayLength() : 0);

    public override string ToString() =>
        $"{Id} {Status} [{string.Join("; ", Tasks.Select(t => $"{t.NodeId}:{t.Status}{(t.Action is null ? "" : "/" + t.Action)}"))}] deadlines={Deadlines}";
}

public sealed record TaskSnapshot(string Id, string NodeId, string Name, string Status, string? Action);
