using System.Data.Common;
using System.Text;
using LowCode.Runtime.Execution;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.ReadModel;

// lc_ticket_keys: who a ticket is for, one indexed row per mark, so queue and "involved" filters read index ranges.
public sealed partial class TicketReadModel
{
    /// <summary>Marks of the requester, of current assignees, and of everyone involved (u:, t:, r:).</summary>
    private static IReadOnlyList<string> KeysOf(string requesterId, string assignees, string involved) =>
        new[] { "q:" + requesterId }
            .Concat(Split(assignees).Select(a => "a:" + a))
            .Concat(Split(involved))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> Split(string pipes) => pipes.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Replaces a ticket's marks (inside the projection's transaction, after its row was written).</summary>
    private static async Task WriteKeys(DbConnection c, DbTransaction tx, string ticketId, string status, long createdAt, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var names = keys.Select((_, i) => $"@k{i}").ToList();
        await using (var stale = Command(c, $"DELETE FROM lc_ticket_keys WHERE ticket_id = @ticket AND key NOT IN ({string.Join(", ", names)})", tx,
            [("@ticket", ticketId), .. keys.Select((k, i) => (names[i], (object?)k))]))
            await stale.ExecuteNonQueryAsync(ct);
        foreach (var key in keys)
        {
            await using var upsert = Command(c, """
                INSERT INTO lc_ticket_keys (ticket_id, key, status, created_at) VALUES (@ticket, @key, @status, @created)
                ON CONFLICT (ticket_id, key) DO UPDATE SET status = excluded.status
                WHERE lc_ticket_keys.status <> excluded.status
                """, tx, ("@ticket", ticketId), ("@key", key), ("@status", status), ("@created", createdAt));
            await upsert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Databases written before lc_ticket_keys existed: derives every ticket's marks from its row, once, in batches.
    /// Runs inside the schema installer's turn (PostgreSQL) so two starting instances don't both do it.
    /// </summary>
    private static async Task BackfillKeysAsync(DbConnection c, DbTransaction? installerTurn, CancellationToken ct)
    {
        await using (var any = Command(c, "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM lc_ticket_keys LIMIT 1) k), (SELECT COUNT(*) FROM (SELECT 1 FROM lc_tickets LIMIT 1) t)", installerTurn))
        await using (var reader = await any.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (Convert.ToInt64(reader.GetValue(0)) > 0 || Convert.ToInt64(reader.GetValue(1)) == 0) return;
        }
        const int Batch = 5_000;
        var after = "";
        while (true)
        {
            var rows = new List<(string Id, string Status, long Created, IReadOnlyList<string> Keys)>();
            await using (var page = Command(c, "SELECT id, status, created_at, requester_id, assignees, involved FROM lc_tickets WHERE id > @after ORDER BY id LIMIT @batch",
                installerTurn, ("@after", after), ("@batch", Batch)))
            await using (var reader = await page.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows.Add((reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2)), KeysOf(reader.GetString(3), reader.GetString(4), reader.GetString(5))));
            if (rows.Count == 0) return;
            var tx = installerTurn ?? await c.BeginTransactionAsync(ct);
            foreach (var row in rows) await WriteKeys(c, tx, row.Id, row.Status, row.Created, row.Keys, ct);
            if (installerTurn is null) { await tx.CommitAsync(ct); await tx.DisposeAsync(); }
            after = rows[^1].Id;
        }
    }

    /// <summary>
    /// Adds a filter "the ticket has one of these marks" (marks within a group are alternatives; groups all apply).
    /// </summary>
    private static void AddKeyGroup(IReadOnlyList<string> keys, StringBuilder where, List<(string, object?)> parameters)
    {
        var group = parameters.Count;
        var names = keys.Select((_, i) => $"@g{group}_{i}").ToList();
        for (var i = 0; i < keys.Count; i++) parameters.Add((names[i], keys[i]));
        where.Append($" AND id IN (SELECT ticket_id FROM lc_ticket_keys WHERE key IN ({string.Join(", ", names)}))");
    }

    /// <summary>Which marks make a ticket visible to a caller; null when the caller sees everything.</summary>
    private static IReadOnlyList<string>? VisibilityKeys(TicketVisibility visibility) => visibility.SeesAll ? null :
        (visibility.RequesterId is { } requester ? ["q:" + requester] : Array.Empty<string>())
            .Concat(visibility.People.Select(p => "u:" + p))
            .Concat(visibility.Teams.Select(t => "t:" + t))
            .Concat(visibility.OrgRoles.Select(r => "r:" + r))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A queue page straight from the marks' index: each mark's newest (offset + limit) tickets in order, merged.
    /// Used when the only filters are marks (one group) and optionally status — "my open tasks", "team queue".
    /// </summary>
    private async Task<(IReadOnlyList<string> Ids, long Total)> KeyPageAsync(DbConnection c, IReadOnlyList<string> keys, string? status, int page, int pageSize, CancellationToken ct)
    {
        var take = (long)page * pageSize;
        var parameters = new List<(string, object?)> { ("@take", take), ("@limit", pageSize), ("@offset", (long)(page - 1) * pageSize) };
        if (status is not null) parameters.Add(("@status", status));
        var statusFilter = status is null ? "" : " AND status = @status";
        var perKey = keys.Select((k, i) =>
        {
            parameters.Add(($"@k{i}", k));
            return $"SELECT * FROM (SELECT ticket_id, created_at FROM lc_ticket_keys WHERE key = @k{i}{statusFilter} ORDER BY created_at DESC, ticket_id DESC LIMIT @take) p{i}";
        });
        var ids = new List<string>();
        await using (var command = Command(c, $"SELECT ticket_id FROM ({string.Join(" UNION ", perKey)}) m ORDER BY created_at DESC, ticket_id DESC LIMIT @limit OFFSET @offset", null, [.. parameters]))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));

        var keyNames = string.Join(", ", keys.Select((_, i) => $"@k{i}"));
        await using var count = Command(c, $"SELECT COUNT(DISTINCT ticket_id) FROM lc_ticket_keys WHERE key IN ({keyNames}){statusFilter}", null, [.. parameters]);
        return (ids, Convert.ToInt64(await count.ExecuteScalarAsync(ct)));
    }
}
