using System.Text;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.ReadModel;

/// <summary>
/// An open task on a worker's list: assigned to them (<see cref="Mine"/>), or waiting unclaimed on a ticket
/// queued for one of their teams or org roles. Whether they may really work it is the ticket page's check.
/// </summary>
public sealed record OpenTaskRow(string TicketId, string TaskId, string Name, string TicketTitle, string TicketType, string Priority,
    string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt)
{
    public bool Mine { get; init; }
}

// Work lists served from the read model.
public sealed partial class TicketReadModel
{
    /// <summary>
    /// Open tasks of open tickets for one person: those assigned to them, then unclaimed ones on tickets the
    /// visibility filter lets them see through their teams or roles (not as requester); earliest due first.
    /// </summary>
    public async Task<IReadOnlyList<OpenTaskRow>> OpenTasksAsync(string personId, TicketVisibility visibility, int limit = 50, CancellationToken ct = default)
    {
        var queue = new StringBuilder("k.assignee IS NULL");
        var parameters = new List<(string, object?)> { ("@me", personId), ("@limit", limit) };
        if (VisibilityKeys(visibility with { RequesterId = null }) is { } marks)
        {
            var names = marks.Select((_, i) => $"@m{i}").ToList();
            for (var i = 0; i < marks.Count; i++) parameters.Add((names[i], marks[i]));
            queue.Append(marks.Count == 0 ? " AND 1 = 0"
                : $" AND k.ticket_id IN (SELECT ticket_id FROM lc_ticket_keys WHERE key IN ({string.Join(", ", names)}) AND status = 'open')");
        }
        var sql = $"""
            SELECT k.ticket_id, k.task_id, k.name, t.title, t.type, t.priority, k.assignee, k.created_at, k.due_at
            FROM lc_tasks k JOIN lc_tickets t ON t.id = k.ticket_id
            WHERE k.status = 'open' AND t.status = 'open' AND (k.assignee = @me OR ({queue}))
            ORDER BY CASE WHEN k.assignee = @me THEN 0 ELSE 1 END, CASE WHEN k.due_at IS NULL THEN 1 ELSE 0 END, k.due_at, k.created_at
            LIMIT @limit
            """;
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, sql, null, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<OpenTaskRow>();
        while (await reader.ReadAsync(ct))
        {
            var assignee = Text(reader, 6);
            rows.Add(new OpenTaskRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), assignee, Time(reader.GetValue(7))!.Value, Time(reader.GetValue(8))) { Mine = assignee == personId });
        }
        return rows;
    }
}
