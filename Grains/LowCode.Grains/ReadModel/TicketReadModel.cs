using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Json;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.ReadModel;

/// <summary>
/// Writes the read model from ticket state and timeline events, and answers list, search and
/// timeline queries. Every write is an idempotent upsert, so replaying a projection is harmless.
/// </summary>
public sealed partial class TicketReadModel(LowCodeDatabase database)
{
    public const int TimerShards = 16;

    public LowCodeDatabase Database => database;

    public async Task ApplySchemaAsync(CancellationToken ct = default)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LowCode.ReadModel.readmodel.sql")
            ?? throw new InvalidOperationException("readmodel.sql is not embedded.");
        // The organisation's tables (teams, departments, agents) live beside the read model.
        var script = await new StreamReader(stream).ReadToEndAsync(ct) + "\n;\n" + Organisation.OrgStore.Schema();
        await using var connection = await database.OpenAsync(ct);
        // Silos starting at once against a fresh PostgreSQL database: CREATE ... IF NOT EXISTS alone
        // races there (duplicate key in pg_type) and fails start-up, so installers take turns.
        await using var transaction = database.Kind == Storage.StorageKind.Postgres ? await connection.BeginTransactionAsync(ct) : null;
        if (transaction is not null)
        {
            await using var turn = Command(connection, $"SELECT pg_advisory_xact_lock({PostgresSchemaLock})", transaction);
            await turn.ExecuteScalarAsync(ct);
        }
        foreach (var statement in StripComments(script).Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            await using var command = Command(connection, statement, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
        await BackfillKeysAsync(connection, transaction, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    // Key of the advisory lock held by the read model installer until commit ("LowCodR" in ASCII).
    private const long PostgresSchemaLock = 0x4C6F77436F6452;

    private static string StripComments(string sql) =>
        string.Join('\n', sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    public async Task UpsertTicketTypeAsync(TicketTypeSummary type, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, """
            INSERT INTO lc_ticket_types (key, name, category, description, latest_version, has_unpublished, updated_at, updated_by)
            VALUES (@key, @name, @category, @description, @latest, @unpublished, @updated, @by)
            ON CONFLICT (key) DO UPDATE SET name = excluded.name, category = excluded.category, description = excluded.description,
                latest_version = excluded.latest_version, has_unpublished = excluded.has_unpublished,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, null,
            ("@key", type.Key), ("@name", type.Name), ("@category", type.Category), ("@description", type.Description),
            ("@latest", type.LatestVersion), ("@unpublished", type.HasUnpublishedChanges ? 1 : 0),
            ("@updated", (type.UpdatedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds()), ("@by", type.UpdatedBy ?? ""));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task DeleteTicketTypeAsync(string key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, "DELETE FROM lc_ticket_types WHERE key = @key", null, ("@key", key));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<TicketTypeSummary>> ListTicketTypesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection,
            "SELECT key, name, category, description, latest_version, has_unpublished, updated_at, updated_by FROM lc_ticket_types ORDER BY category, name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<TicketTypeSummary>();
        while (await reader.ReadAsync(ct))
            list.Add(new TicketTypeSummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            {
                LatestVersion = reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4)),
                HasUnpublishedChanges = Convert.ToInt32(reader.GetValue(5)) == 1,
                UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6))),
                UpdatedBy = reader.GetString(7),
            });
        return list;
    }

    /// <summary>
    /// Brings the read model up to a ticket's state in one transaction: the ticket row, its tasks,
    /// its armed timers, new timeline entries and notifications.
    /// </summary>
    public async Task ProjectAsync(TicketState ticket, ParentLink? parent, IReadOnlyList<WorkflowEffect> effects, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ProjectAsync(connection, tx, ticket, parent, effects, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The projection of one ticket inside a transaction the caller owns (several tickets may share one: see <see cref="ProjectionBatcher"/>).</summary>
    public static async Task ProjectAsync(DbConnection connection, DbTransaction tx, TicketState ticket, ParentLink? parent, IReadOnlyList<WorkflowEffect> effects, CancellationToken ct = default)
    {
        await UpsertTicket(connection, tx, ticket, parent, ct);
        await ReplaceRows(connection, tx, ticket, ct);
        foreach (var effect in effects)
        {
            if (effect is TimelineEffect timeline) await InsertTimeline(connection, tx, ticket.TicketId, timeline.Key, timeline.Entry, ct);
            else if (effect is SendNotificationEffect note) await InsertNotification(connection, tx, ticket.TicketId, note, ct);
        }
    }

    /// <summary>The sequence the read model has for a ticket, or null when it has never been projected.</summary>
    public async Task<long?> ProjectedSequenceAsync(string ticketId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, "SELECT sequence FROM lc_tickets WHERE id = @id", null, ("@id", ticketId));
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value);
    }

    private static async Task UpsertTicket(DbConnection c, DbTransaction tx, TicketState t, ParentLink? parent, CancellationToken ct)
    {
        var open = t.OpenTasks.ToList();
        var form = JsonSerializer.Serialize(t.Form, LowCodeJson.Options);
        var assignees = "|" + string.Join("|", open.Select(x => x.Assignee).Where(a => a is not null).Distinct()) + "|";
        var involved = Involved(t);
        var search = $"{t.TicketId} {t.Title} {t.Requester.Name} {string.Join(' ', t.Form.Values.Select(Runtime.Expressions.DataTypes.ToText))}".ToLowerInvariant();
        await using var command = Command(c, """
            INSERT INTO lc_tickets (id, type, version, title, status, resolution, priority, requester_id, requester_name, assignees, current_steps,
                created_at, updated_at, closed_at, due_at, sequence, parent_id, involved, form_json, search_text)
            VALUES (@id, @type, @version, @title, @status, @resolution, @priority, @rid, @rname, @assignees, @steps,
                @created, @updated, @closed, @due, @sequence, @parent, @involved, @form, @search)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, status = excluded.status, resolution = excluded.resolution,
                priority = excluded.priority, assignees = excluded.assignees, current_steps = excluded.current_steps,
                updated_at = excluded.updated_at, closed_at = excluded.closed_at, due_at = excluded.due_at,
                sequence = excluded.sequence, involved = excluded.involved, form_json = excluded.form_json, search_text = excluded.search_text
            WHERE lc_tickets.sequence <= excluded.sequence
            """, tx,
            ("@id", t.TicketId), ("@type", t.TicketType), ("@version", t.Version), ("@title", t.Title), ("@status", StatusText(t.Status)),
            ("@resolution", t.Resolution), ("@priority", t.Priority), ("@rid", t.Requester.Id), ("@rname", t.Requester.Name),
            ("@assignees", assignees),
            ("@steps", string.Join(", ", open.Select(x => x.Name).Distinct())),
            ("@created", t.CreatedAt.ToUnixTimeMilliseconds()), ("@updated", Math.Max(t.CreatedAt.ToUnixTimeMilliseconds(), LatestActivity(t))),
            ("@closed", t.ClosedAt?.ToUnixTimeMilliseconds()), ("@due", DueAt(t, open)?.ToUnixTimeMilliseconds()),
            ("@sequence", t.Sequence), ("@parent", parent?.TicketId), ("@involved", involved), ("@form", form), ("@search", search));
        // A stale projection (older sequence) changes nothing, and so must not touch the marks either.
        if (await command.ExecuteNonQueryAsync(ct) > 0)
            await WriteKeys(c, tx, t.TicketId, StatusText(t.Status), t.CreatedAt.ToUnixTimeMilliseconds(), KeysOf(t.Requester.Id, assignees, involved), ct);
    }

    /// <summary>What the ticket must next be done by: the earliest due time of an open step or a running SLA clock.</summary>
    private static DateTimeOffset? DueAt(TicketState t, IEnumerable<TaskState> open) =>
        open.Select(x => x.DueAt).Concat(t.Sla.Where(c => c.IsActive).Select(c => c.DueAt)).Where(d => d is not null).Min();

    /// <summary>"|u:li|t:maintenance|r:team-lead|": everyone a task was for or done by, for access filters.</summary>
    private static string Involved(TicketState t)
    {
        var marks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var task in t.Tasks)
        {
            if (task.Assignee is not null) marks.Add("u:" + task.Assignee);
            if (task.ClosedBy is not null) marks.Add("u:" + task.ClosedBy);
            foreach (var p in task.Candidates.Append(task.Assignment.To))
                switch (p)
                {
                    case { Kind: Runtime.Definitions.ParticipantKind.User, Value: { } user }: marks.Add("u:" + user); break;
                    case { Kind: Runtime.Definitions.ParticipantKind.Team, Value: { } team }: marks.Add("t:" + team); break;
                    case { Kind: Runtime.Definitions.ParticipantKind.Role, Value: { } role }: marks.Add("r:" + role); break;
                }
        }
        return "|" + string.Join("|", marks) + "|";
    }

    private static long LatestActivity(TicketState t) =>
        t.Tasks.Select(x => (x.ClosedAt ?? x.CreatedAt).ToUnixTimeMilliseconds()).DefaultIfEmpty(0).Max();

    private static async Task ReplaceRows(DbConnection c, DbTransaction tx, TicketState t, CancellationToken ct)
    {
        foreach (var task in t.Tasks)
        {
            await using var command = Command(c, """
                INSERT INTO lc_tasks (ticket_id, task_id, node_id, name, status, assignee, assignment, created_at, due_at, closed_at, action)
                VALUES (@ticket, @task, @node, @name, @status, @assignee, @assignment, @created, @due, @closed, @action)
                ON CONFLICT (ticket_id, task_id) DO UPDATE SET status = excluded.status, assignee = excluded.assignee,
                    assignment = excluded.assignment, due_at = excluded.due_at, closed_at = excluded.closed_at, action = excluded.action
                """, tx,
                ("@ticket", t.TicketId), ("@task", task.Id), ("@node", task.NodeId), ("@name", task.Name), ("@status", task.Status.ToString().ToLowerInvariant()),
                ("@assignee", task.Assignee), ("@assignment", task.Assignment.ToString()), ("@created", task.CreatedAt.ToUnixTimeMilliseconds()),
                ("@due", task.DueAt?.ToUnixTimeMilliseconds()), ("@closed", task.ClosedAt?.ToUnixTimeMilliseconds()), ("@action", task.Action));
            await command.ExecuteNonQueryAsync(ct);
        }
        await using (var delete = Command(c, "DELETE FROM lc_timers WHERE ticket_id = @ticket", tx, ("@ticket", t.TicketId)))
            await delete.ExecuteNonQueryAsync(ct);
        foreach (var timer in t.Timers)
        {
            await using var command = Command(c, "INSERT INTO lc_timers (ticket_id, timer_id, shard, due_at) VALUES (@ticket, @timer, @shard, @due)", tx,
                ("@ticket", t.TicketId), ("@timer", timer.Id), ("@shard", ShardOf(t.TicketId)), ("@due", timer.DueAt.ToUnixTimeMilliseconds()));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task InsertTimeline(DbConnection c, DbTransaction tx, string ticketId, string key, TimelineEntry e, CancellationToken ct)
    {
        await using var command = Command(c, """
            INSERT INTO lc_timeline (ticket_id, key, position, kind, at, actor, summary, node_id, task_id, subject, before_json, after_json)
            VALUES (@ticket, @key, @position, @kind, @at, @actor, @summary, @node, @task, @subject, @before, @after)
            ON CONFLICT (ticket_id, key) DO NOTHING
            """, tx,
            ("@ticket", ticketId), ("@key", key), ("@position", Position(key)), ("@kind", e.Kind.ToString()), ("@at", e.At.ToUnixTimeMilliseconds()),
            ("@actor", e.Actor), ("@summary", e.Summary), ("@node", e.NodeId), ("@task", e.TaskId), ("@subject", e.Subject),
            ("@before", ToJson(e.Before)), ("@after", ToJson(e.After)));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertNotification(DbConnection c, DbTransaction tx, string ticketId, SendNotificationEffect n, CancellationToken ct)
    {
        await using var command = Command(c, """
            INSERT INTO lc_notifications (key, ticket_id, channel, recipients, subject, body, created_at)
            VALUES (@key, @ticket, @channel, @recipients, @subject, @body, @at)
            ON CONFLICT (key) DO NOTHING
            """, tx,
            ("@key", n.Key), ("@ticket", ticketId), ("@channel", n.Channel), ("@recipients", string.Join(",", n.Recipients)),
            ("@subject", n.Subject), ("@body", n.Body), ("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string? ToJson(object? value)
    {
        if (value is null) return null;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) DataValueConverter.WriteValue(writer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Timeline keys end in the ticket's sequence number ("T-1:17"), which orders them.</summary>
    private static long Position(string key) =>
        long.TryParse(key.AsSpan(key.LastIndexOf(':') + 1), out var n) ? n : 0;

    public static int ShardOf(string ticketId) => (int)((uint)StableHash(ticketId) % TimerShards);

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }

    internal static string StatusText(TicketStatus status) => status.ToString().ToLowerInvariant();
}
