using System.Data.Common;
using LowCode.Benchmarks.Harness;
using LowCode.Grains.Storage;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Npgsql;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace LowCode.Benchmarks.Peer;

/// <summary>
/// A straightforward Workflow Core persistence provider over the same database and durability as LowCode
/// (its upstream SQL providers are not available here). One table each for workflow instances (the whole
/// instance as Newtonsoft JSON with type names, plus the columns queries filter on), event subscriptions,
/// events and errors; every method is one statement in autocommit, except <c>PersistWorkflow</c> with new
/// subscriptions, which is one transaction. SQLite connections get LowCode's pragmas (WAL,
/// synchronous=FULL, busy_timeout); PostgreSQL runs with synchronous_commit=on. No caching, no batching.
/// </summary>
public sealed class SqlPersistenceProvider(Store store) : IPersistenceProvider
{
    private static readonly JsonSerializerSettings Json = new() { TypeNameHandling = TypeNameHandling.All };

    public bool SupportsScheduledCommands => false;

    public void EnsureStoreExists()
    {
        using var connection = OpenAsync().GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = (store.Kind == StorageKind.Sqlite ? "PRAGMA journal_mode = WAL;" : "") + $"""
            CREATE TABLE IF NOT EXISTS wf_instances (id TEXT PRIMARY KEY, status INTEGER NOT NULL, next_execution BIGINT, data TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_wf_instances_next ON wf_instances (next_execution);
            CREATE TABLE IF NOT EXISTS wf_subscriptions (id TEXT PRIMARY KEY, workflow_id TEXT NOT NULL, step_id INTEGER NOT NULL,
                execution_pointer_id TEXT, event_name TEXT NOT NULL, event_key TEXT NOT NULL, subscribe_as_of BIGINT NOT NULL,
                subscription_data TEXT, external_token TEXT, external_worker_id TEXT, external_token_expiry BIGINT);
            CREATE INDEX IF NOT EXISTS ix_wf_subscriptions_event ON wf_subscriptions (event_name, event_key);
            CREATE TABLE IF NOT EXISTS wf_events (id TEXT PRIMARY KEY, event_name TEXT NOT NULL, event_key TEXT NOT NULL, event_data TEXT,
                event_time BIGINT NOT NULL, is_processed INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_wf_events_event ON wf_events (event_name, event_key);
            CREATE INDEX IF NOT EXISTS ix_wf_events_unprocessed ON wf_events (is_processed, event_time);
            CREATE TABLE IF NOT EXISTS wf_errors (workflow_id TEXT, execution_pointer_id TEXT, error_time BIGINT, message TEXT);
            """;
        command.ExecuteNonQuery();
    }

    // Workflows

    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken ct = default)
    {
        workflow.Id = Guid.NewGuid().ToString();
        await ExecuteAsync("INSERT INTO wf_instances (id, status, next_execution, data) VALUES (@id, @status, @next, @data)", ct, InstanceParameters(workflow));
        return workflow.Id;
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken ct = default) =>
        ExecuteAsync("UPDATE wf_instances SET status = @status, next_execution = @next, data = @data WHERE id = @id", ct, InstanceParameters(workflow));

    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken ct = default)
    {
        if (subscriptions is not { Count: > 0 }) { await PersistWorkflow(workflow, ct); return; }
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var update = Command(connection, "UPDATE wf_instances SET status = @status, next_execution = @next, data = @data WHERE id = @id", InstanceParameters(workflow)))
        {
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync(ct);
        }
        foreach (var subscription in subscriptions)
        {
            subscription.Id = Guid.NewGuid().ToString();
            await using var insert = Command(connection, InsertSubscription, SubscriptionParameters(subscription));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken ct = default) =>
        await ListAsync("SELECT id FROM wf_instances WHERE next_execution IS NOT NULL AND next_execution <= @at", r => r.GetString(0), ct,
            ("@at", asAt.ToUniversalTime().Ticks));

    public async Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken ct = default) =>
        (await ListAsync("SELECT data FROM wf_instances WHERE id = @id", Instance, ct, ("@id", Id))).SingleOrDefault()!;

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken ct = default)
    {
        var list = new List<WorkflowInstance>();
        foreach (var id in ids ?? []) if (await GetWorkflowInstance(id, ct) is { } instance) list.Add(instance);
        return list;
    }

    [Obsolete("Part of the interface, obsolete upstream.")]
    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        (await ListAsync("SELECT data FROM wf_instances", Instance, default))
            .Where(w => (status is null || w.Status == status) && (string.IsNullOrEmpty(type) || w.WorkflowDefinitionId == type)
                && (createdFrom is null || w.CreateTime >= createdFrom) && (createdTo is null || w.CreateTime <= createdTo))
            .Skip(skip).Take(take).ToList();

    // Subscriptions

    private const string InsertSubscription = """
        INSERT INTO wf_subscriptions (id, workflow_id, step_id, execution_pointer_id, event_name, event_key, subscribe_as_of, subscription_data)
        VALUES (@id, @workflow, @step, @pointer, @name, @key, @asof, @data)
        """;

    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken ct = default)
    {
        subscription.Id = Guid.NewGuid().ToString();
        await ExecuteAsync(InsertSubscription, ct, SubscriptionParameters(subscription));
        return subscription.Id;
    }

    private const string SubscriptionColumns = "id, workflow_id, step_id, execution_pointer_id, event_name, event_key, subscribe_as_of, subscription_data, external_token, external_worker_id, external_token_expiry";

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken ct = default) =>
        await ListAsync($"SELECT {SubscriptionColumns} FROM wf_subscriptions WHERE event_name = @name AND event_key = @key AND subscribe_as_of <= @asof",
            Subscription, ct, ("@name", eventName), ("@key", eventKey), ("@asof", asOf.ToUniversalTime().Ticks));

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken ct = default) =>
        ExecuteAsync("DELETE FROM wf_subscriptions WHERE id = @id", ct, ("@id", eventSubscriptionId));

    public async Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken ct = default) =>
        (await ListAsync($"SELECT {SubscriptionColumns} FROM wf_subscriptions WHERE id = @id", Subscription, ct, ("@id", eventSubscriptionId))).SingleOrDefault()!;

    public async Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken ct = default) =>
        (await ListAsync($"SELECT {SubscriptionColumns} FROM wf_subscriptions WHERE event_name = @name AND event_key = @key AND subscribe_as_of <= @asof AND external_token IS NULL LIMIT 1",
            Subscription, ct, ("@name", eventName), ("@key", eventKey), ("@asof", asOf.ToUniversalTime().Ticks))).FirstOrDefault()!;

    public async Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken ct = default) =>
        await ExecuteAsync("UPDATE wf_subscriptions SET external_token = @token, external_worker_id = @worker, external_token_expiry = @expiry WHERE id = @id", ct,
            ("@id", eventSubscriptionId), ("@token", token), ("@worker", workerId), ("@expiry", expiry.ToUniversalTime().Ticks)) > 0;

    public async Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken ct = default)
    {
        if (await ExecuteAsync("UPDATE wf_subscriptions SET external_token = NULL, external_worker_id = NULL, external_token_expiry = NULL WHERE id = @id AND external_token = @token", ct,
                ("@id", eventSubscriptionId), ("@token", token)) == 0)
            throw new InvalidOperationException($"Subscription {eventSubscriptionId} does not hold token {token}.");
    }

    // Events

    public async Task<string> CreateEvent(Event newEvent, CancellationToken ct = default)
    {
        newEvent.Id = Guid.NewGuid().ToString();
        await ExecuteAsync("INSERT INTO wf_events (id, event_name, event_key, event_data, event_time, is_processed) VALUES (@id, @name, @key, @data, @time, @processed)", ct,
            ("@id", newEvent.Id), ("@name", newEvent.EventName), ("@key", newEvent.EventKey), ("@data", Serialize(newEvent.EventData)),
            ("@time", newEvent.EventTime.ToUniversalTime().Ticks), ("@processed", newEvent.IsProcessed ? 1 : 0));
        return newEvent.Id;
    }

    public async Task<Event> GetEvent(string id, CancellationToken ct = default) =>
        (await ListAsync("SELECT id, event_name, event_key, event_data, event_time, is_processed FROM wf_events WHERE id = @id", r => new Event
        {
            Id = r.GetString(0), EventName = r.GetString(1), EventKey = r.GetString(2), EventData = Deserialize(r, 3),
            EventTime = new DateTime(Convert.ToInt64(r.GetValue(4)), DateTimeKind.Utc), IsProcessed = Convert.ToInt32(r.GetValue(5)) == 1,
        }, ct, ("@id", id))).SingleOrDefault()!;

    public async Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken ct = default) =>
        await ListAsync("SELECT id FROM wf_events WHERE is_processed = 0 AND event_time <= @at", r => r.GetString(0), ct, ("@at", asAt.ToUniversalTime().Ticks));

    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken ct = default) =>
        await ListAsync("SELECT id FROM wf_events WHERE event_name = @name AND event_key = @key AND event_time >= @asof", r => r.GetString(0), ct,
            ("@name", eventName), ("@key", eventKey), ("@asof", asOf.ToUniversalTime().Ticks));

    public Task MarkEventProcessed(string id, CancellationToken ct = default) => ExecuteAsync("UPDATE wf_events SET is_processed = 1 WHERE id = @id", ct, ("@id", id));

    public Task MarkEventUnprocessed(string id, CancellationToken ct = default) => ExecuteAsync("UPDATE wf_events SET is_processed = 0 WHERE id = @id", ct, ("@id", id));

    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken ct = default)
    {
        foreach (var error in errors)
            await ExecuteAsync("INSERT INTO wf_errors (workflow_id, execution_pointer_id, error_time, message) VALUES (@workflow, @pointer, @time, @message)", ct,
                ("@workflow", error.WorkflowId), ("@pointer", error.ExecutionPointerId), ("@time", error.ErrorTime.ToUniversalTime().Ticks), ("@message", error.Message));
    }

    public Task ScheduleCommand(ScheduledCommand command) => throw new NotSupportedException("Scheduled commands are not supported (as in Workflow Core's memory provider).");

    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken ct = default) =>
        throw new NotSupportedException("Scheduled commands are not supported (as in Workflow Core's memory provider).");

    // Plumbing

    private static (string, object?)[] InstanceParameters(WorkflowInstance w) =>
        [("@id", w.Id), ("@status", (int)w.Status), ("@next", w.NextExecution), ("@data", JsonConvert.SerializeObject(w, Json))];

    private static (string, object?)[] SubscriptionParameters(EventSubscription s) =>
        [("@id", s.Id), ("@workflow", s.WorkflowId), ("@step", s.StepId), ("@pointer", s.ExecutionPointerId), ("@name", s.EventName),
         ("@key", s.EventKey), ("@asof", s.SubscribeAsOf.ToUniversalTime().Ticks), ("@data", Serialize(s.SubscriptionData))];

    private static WorkflowInstance Instance(DbDataReader r) => JsonConvert.DeserializeObject<WorkflowInstance>(r.GetString(0), Json)!;

    private static EventSubscription Subscription(DbDataReader r) => new()
    {
        Id = r.GetString(0), WorkflowId = r.GetString(1), StepId = Convert.ToInt32(r.GetValue(2)), ExecutionPointerId = r.IsDBNull(3) ? null : r.GetString(3),
        EventName = r.GetString(4), EventKey = r.GetString(5), SubscribeAsOf = new DateTime(Convert.ToInt64(r.GetValue(6)), DateTimeKind.Utc),
        SubscriptionData = Deserialize(r, 7), ExternalToken = r.IsDBNull(8) ? null : r.GetString(8), ExternalWorkerId = r.IsDBNull(9) ? null : r.GetString(9),
        ExternalTokenExpiry = r.IsDBNull(10) ? null : new DateTime(Convert.ToInt64(r.GetValue(10)), DateTimeKind.Utc),
    };

    private static string? Serialize(object? value) => value is null ? null : JsonConvert.SerializeObject(value, Json);
    private static object? Deserialize(DbDataReader r, int i) => r.IsDBNull(i) ? null : JsonConvert.DeserializeObject(r.GetString(i), Json);

    private async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = store.Kind == StorageKind.Sqlite ? new SqliteConnection(store.ConnectionString) : new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        if (store.Kind == StorageKind.Sqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct)) list.Add(read(reader));
        return list;
    }
}
