using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;
using LowCode.Benchmarks.Harness;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Json;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Validation;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1, the physical baseline: a raw loop in which each writer inserts one ticket-sized JSON row
/// per transaction (autocommit) over its own open connection, with LowCode's durability. Nothing else
/// happens per write, so no durable ticket path can be faster without batching several writes per commit.
/// </summary>
public sealed class StorageCeiling : IScenario
{
    public const string Title = "1 storage ceiling";

    public string Name => "ceiling";

    public async Task RunAsync(RunContext run)
    {
        run.Report.Add(Title, "row size (a repair ticket's grain state as JSON)", new Figure(TicketJson.Value.Length, "B"));
        foreach (var kind in new[] { StorageKind.Sqlite, StorageKind.Postgres })
        {
            if (kind == StorageKind.Postgres && run.Postgres is null) { run.SkipPostgres(Title, "rows / s"); continue; }
            foreach (var writers in run.Options.Callers)
            {
                var result = await MeasureAsync(run, kind, writers);
                var label = kind == StorageKind.Sqlite ? "SQLite" : "PostgreSQL";
                run.Report.Add(new Row(Title, $"{label}, {writers} writer(s): rows (= commits) / s", new Figure(result.Load.PerSecond, "/s")));
                run.Report.Add(new Row(Title, $"{label}, {writers} writer(s): p99 commit latency", result.Load.Latency.P99));
                run.Report.Add(new Row(Title, $"{label}, {writers} writer(s): commits counted per row (checks the counter)", new Figure(result.CommitsPerRow, "", 2))
                    { Target = Target.Info("1.00 expected") });
            }
        }
        run.Report.Note("Storage ceiling: SQLite in WAL mode with synchronous=FULL and busy_timeout=30 s (as OrleansSchema and LowCodeDatabase set them), " +
            "one connection per writer; PostgreSQL with synchronous_commit=on and at most 28 connections (within the 30-connection pool cap of every PostgreSQL database in these runs), writers taking turns. Each row is a fresh INSERT of a repair ticket's grain state (JSON) in its own transaction.");
    }

    public sealed record Result(LoadResult Load, double CommitsPerRow);

    /// <summary>The ceiling at one concurrency, measured once per run (the durable rows divide by it).</summary>
    public static Task<Result> MeasureAsync(RunContext run, StorageKind kind, int writers) =>
        run.OnceAsync($"ceiling:{kind}:{writers}", async () =>
        {
            await using var store = await run.NewStoreAsync(kind, "ceiling");
            await CreateTableAsync(store);
            // One connection per writer; PostgreSQL writers share at most Postgres.PoolSize - 2 connections (the
            // cap of the pools in these runs, below the server's max_connections; two are left for the commit
            // counter and the row count), taking turns.
            var open = kind == StorageKind.Postgres ? Math.Min(writers, Harness.Postgres.PoolSize - 2) : writers;
            var connections = new DbConnection[open];
            for (var i = 0; i < open; i++) connections[i] = await OpenAsync(store);
            var free = System.Threading.Channels.Channel.CreateUnbounded<DbConnection>();
            foreach (var c in connections) free.Writer.TryWrite(c);
            var payload = TicketJson.Value;
            var before = await store.CommitsAsync();
            var load = await ClosedLoop.RunAsync(writers, run.Options.WarmUp, run.Options.Step, async n =>
            {
                var connection = await free.Reader.ReadAsync();
                try
                {
                    await using var insert = connection.CreateCommand();
                    insert.CommandText = "INSERT INTO ceiling (id, payload) VALUES (@id, @payload)";
                    Add(insert, "@id", "T-" + n);
                    Add(insert, "@payload", payload);
                    await insert.ExecuteNonQueryAsync();
                }
                finally { free.Writer.TryWrite(connection); }
            });
            var commits = await store.CommitsAsync() - before;
            long rows;
            await using (var count = connections[0].CreateCommand())
            {
                count.CommandText = "SELECT COUNT(*) FROM ceiling";
                rows = Convert.ToInt64(await count.ExecuteScalarAsync());
            }
            foreach (var connection in connections) await connection.DisposeAsync();
            return new Result(load, (double)commits / Math.Max(1, rows));
        });

    /// <summary>A repair ticket's grain state right after it was opened, as the JSON the grain storage keeps.</summary>
    public static readonly Lazy<byte[]> TicketJson = new(() =>
    {
        var plan = WorkflowCompiler.Compile(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext()).Plan!;
        var started = WorkflowEngine.Start(plan, "T-260302-7QF3KX9A", new StartTicket(LowCodeHost.RepairForm)
        {
            At = DateTimeOffset.UtcNow, Title = "Press #4 motor trips", Requester = LowCodeHost.Requester, Actor = LowCodeHost.Requester.Id,
        });
        var state = new TicketGrainState { Ticket = started.State, Outbox = [.. started.Effects], CreatedFrom = "equipment-repair|{}" };
        return JsonSerializer.SerializeToUtf8Bytes(state, LowCodeJson.Options);
    });

    private static async Task CreateTableAsync(Store store)
    {
        await using var connection = await OpenAsync(store);
        await using var command = connection.CreateCommand();
        command.CommandText = store.Kind == StorageKind.Sqlite
            ? "PRAGMA journal_mode = WAL; CREATE TABLE ceiling (id TEXT PRIMARY KEY, payload BLOB NOT NULL);"
            : "CREATE TABLE ceiling (id TEXT PRIMARY KEY, payload BYTEA NOT NULL);";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DbConnection> OpenAsync(Store store)
    {
        DbConnection connection = store.Kind == StorageKind.Sqlite ? new SqliteConnection(store.ConnectionString) : new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync();
        if (store.Kind == StorageKind.Sqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync();
        }
        return connection;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
