using System.Data.Common;
using System.Text;
using System.Text.Json;
using LowCode.Runtime.Json;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.ReadModel;

/// <summary>Filters for the ticket list; every one optional.</summary>
public sealed record TicketQuery
{
    public string? Status { get; init; }
    public string? Type { get; init; }
    public string? Assignee { get; init; }
    public string? Requester { get; init; }
    public string? Text { get; init; }
    /// <summary>Which tickets the caller may see (the access rule as a filter).</summary>
    public TicketVisibility Visibility { get; init; } = TicketVisibility.All;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}

/// <summary>
/// Who may see which tickets, as a filter: everything, nothing, or tickets the person requested,
/// is involved in (assignee, candidate, worker) or that are queued for one of their teams or org roles.
/// </summary>
public sealed record TicketVisibility(string? RequesterId, IReadOnlyList<string> People, IReadOnlyList<string> Teams, IReadOnlyList<string> OrgRoles)
{
    public static readonly TicketVisibility All = new(null, [], [], []) { SeesAll = true };
    public static readonly TicketVisibility None = new(null, [], [], []);
    public bool SeesAll { get; private init; }
}

public sealed record TicketRow(string Id, string Type, int Version, string Title, string Status, string? Resolution, string Priority,
    string RequesterId, string RequesterName, IReadOnlyList<string> Assignees, string CurrentSteps,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt, DateTimeOffset? DueAt);

public sealed record TicketPage(IReadOnlyList<TicketRow> Items, int Page, int PageSize, long Total);

public sealed record TimelineRow(string Key, string Kind, DateTimeOffset At, string Actor, string Summary,
    string? NodeId, string? TaskId, string? Subject, JsonElement? Before, JsonElement? After);

public sealed record ArmedTimer(string TicketId, string TimerId, DateTimeOffset DueAt);

// Queries served from the read model.
public sealed partial class TicketReadModel
{
    public async Task<TicketPage> ListTicketsAsync(TicketQuery query, CancellationToken ct = default)
    {
        // Person/team filters are marks in lc_ticket_keys (index ranges), never LIKE scans over lc_tickets.
        var groups = new List<IReadOnlyList<string>>();
        if (!string.IsNullOrWhiteSpace(query.Assignee)) groups.Add(["a:" + query.Assignee]);
        if (VisibilityKeys(query.Visibility) is { } visible)
        {
            if (visible.Count == 0) return new TicketPage([], query.Page, query.PageSize, 0);
            groups.Add(visible);
        }
        var onlyMarks = groups.Count == 1 && string.IsNullOrWhiteSpace(query.Type) && string.IsNullOrWhiteSpace(query.Requester) && string.IsNullOrWhiteSpace(query.Text);

        await using var connection = await database.OpenAsync(ct);
        if (onlyMarks)
        {
            var status = string.IsNullOrWhiteSpace(query.Status) ? null : query.Status;
            var (ids, count) = await KeyPageAsync(connection, groups[0], status, query.Page, query.PageSize, ct);
            var found = await RowsAsync(connection, $"WHERE id IN ({string.Join(", ", ids.Select((_, i) => $"@id{i}"))})",
                ids.Select((id, i) => ($"@id{i}", (object?)id)).ToList(), ids.Count, 0, ct);
            // Rows read by id come back in any order: keep the index's (newest first).
            var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            return new TicketPage(ids.Count == 0 ? [] : [.. found.OrderBy(r => order[r.Id])], query.Page, query.PageSize, count);
        }

        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrWhiteSpace(query.Status)) { where.Append(" AND status = @status"); parameters.Add(("@status", query.Status)); }
        if (!string.IsNullOrWhiteSpace(query.Type)) { where.Append(" AND type = @type"); parameters.Add(("@type", query.Type)); }
        if (!string.IsNullOrWhiteSpace(query.Requester)) { where.Append(" AND requester_id = @requester"); parameters.Add(("@requester", query.Requester)); }
        foreach (var group in groups) AddKeyGroup(group, where, parameters);
        if (!string.IsNullOrWhiteSpace(query.Text)) { where.Append(" AND search_text LIKE @text ESCAPE '\\'"); parameters.Add(("@text", $"%{Escape(query.Text.ToLowerInvariant())}%")); }

        long total;
        await using (var count = Command(connection, $"SELECT COUNT(*) FROM lc_tickets {where}", null, [.. parameters]))
            total = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        var rows = await RowsAsync(connection, where.ToString(), parameters, query.PageSize, (long)(query.Page - 1) * query.PageSize, ct);
        return new TicketPage(rows, query.Page, query.PageSize, total);
    }

    private static async Task<List<TicketRow>> RowsAsync(DbConnection connection, string where, List<(string, object?)> parameters, int limit, long offset, CancellationToken ct)
    {
        var rows = new List<TicketRow>();
        if (limit == 0) return rows;
        var sql = $"""
            SELECT id, type, version, title, status, resolution, priority, requester_id, requester_name, assignees, current_steps,
                   created_at, updated_at, closed_at, due_at
            FROM lc_tickets {where} ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset
            """;
        await using var command = Command(connection, sql, null, [.. parameters, ("@limit", limit), ("@offset", offset)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new TicketRow(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2)), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.GetString(9).Split('|', StringSplitOptions.RemoveEmptyEntries), reader.GetString(10),
                Time(reader.GetValue(11))!.Value, Time(reader.GetValue(12))!.Value, Time(reader.GetValue(13)), Time(reader.GetValue(14))));
        return rows;
    }

    public async Task<IReadOnlyList<TimelineRow>> TimelineAsync(string ticketId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, """
            SELECT key, kind, at, actor, summary, node_id, task_id, subject, before_json, after_json
            FROM lc_timeline WHERE ticket_id = @ticket ORDER BY position, key
            """, null, ("@ticket", ticketId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TimelineRow>();
        while (await reader.ReadAsync(ct))
            rows.Add(new TimelineRow(reader.GetString(0), reader.GetString(1), Time(reader.GetValue(2))!.Value, reader.GetString(3), reader.GetString(4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Json(Text(reader, 8)), Json(Text(reader, 9))));
        return rows;
    }

    /// <summary>Armed timers of one scheduler shard, earliest first.</summary>
    public async Task<IReadOnlyList<ArmedTimer>> TimersOfShardAsync(int shard, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, "SELECT ticket_id, timer_id, due_at FROM lc_timers WHERE shard = @shard ORDER BY due_at", null, ("@shard", shard));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var timers = new List<ArmedTimer>();
        while (await reader.ReadAsync(ct))
            timers.Add(new ArmedTimer(reader.GetString(0), reader.GetString(1), Time(reader.GetValue(2))!.Value));
        return timers;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static DateTimeOffset? Time(object value) => value is null or DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value));
    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
}
