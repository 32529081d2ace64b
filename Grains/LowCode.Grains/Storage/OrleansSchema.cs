using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LowCode.Grains.Storage;

/// <summary>
/// Installs the tables and named queries (the <c>OrleansQuery</c> table) that the Orleans ADO.NET
/// providers read at start-up. Their NuGet packages do not ship these scripts, so LowCode owns
/// them (Storage/Sql) and applies them at every start-up: every statement is idempotent and the
/// scripts of one kind run in one transaction.
/// </summary>
public static class OrleansSchema
{
    // Key of the advisory lock that serializes installers of several silos starting at once
    // ("LowCode" in ASCII): CREATE ... IF NOT EXISTS alone fails when two sessions race.
    private const long PostgresInstallLock = 0x4C6F77436F6465;

    public static Task ApplyAsync(StorageKind kind, string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return kind switch
        {
            StorageKind.Sqlite => ApplySqliteAsync(connectionString, ct),
            StorageKind.Postgres => ApplyPostgresAsync(connectionString, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown storage kind."),
        };
    }

    /// <summary>The scripts of a kind, in the order they are applied.</summary>
    internal static IReadOnlyList<string> Scripts(StorageKind kind) => kind == StorageKind.Postgres
        ? ["postgres/persistence.sql", "postgres/clustering.sql", "postgres/reminders.sql"]
        : ["sqlite/persistence.sql"];

    private static async Task ApplySqliteAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);

        // WAL lets readers work beside the single writer. It is stored in the file, so every later
        // connection (the Orleans provider's included) uses it; it cannot change inside a transaction.
        var mode = (string?)await ScalarAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
        if (mode is not ("wal" or "memory"))
            throw new InvalidOperationException($"SQLite kept journal mode '{mode}' instead of WAL for '{connection.DataSource}'.");

        // "A ticket acknowledged to a caller is on disk": in WAL mode synchronous=FULL fsyncs the log
        // at every commit, so an acknowledged write survives a power cut, not only a process crash
        // (NORMAL may lose the last commits). The setting is per connection: the e_sqlite3 build
        // bundled with Microsoft.Data.Sqlite defaults to FULL in WAL mode (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2),
        // which is what the provider's own connections get; a test guards that default.
        await RunAsync(connection, null, "PRAGMA synchronous = FULL;", ct);

        // BEGIN IMMEDIATE takes the write lock up front, so two starting processes install in turn.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await RunScriptsAsync(connection, transaction, StorageKind.Sqlite, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task ApplyPostgresAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Held until commit: the next installer waits here, then finds everything in place.
        await ScalarAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresInstallLock});", ct);
        await RunScriptsAsync(connection, transaction, StorageKind.Postgres, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task RunScriptsAsync(DbConnection connection, DbTransaction transaction, StorageKind kind, CancellationToken ct)
    {
        foreach (var script in Scripts(kind))
        {
            var sql = await ReadScriptAsync(script, ct);
            try
            {
                await RunAsync(connection, transaction, sql, ct);
            }
            catch (DbException e)
            {
                throw new InvalidOperationException($"Applying the Orleans schema script '{script}' failed: {e.Message}", e);
            }
        }
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    // The csproj embeds Storage/Sql/<dir>/<file> as "LowCode.Sql.<dir><separator><file>", where the
    // separator is the path separator of the build machine, so names are compared with dots.
    private static async Task<string> ReadScriptAsync(string script, CancellationToken ct)
    {
        var assembly = typeof(OrleansSchema).Assembly;
        var wanted = "LowCode.Sql." + script.Replace('/', '.');
        var resource = assembly.GetManifestResourceNames()
            .SingleOrDefault(name => name.Replace('/', '.').Replace('\\', '.') == wanted)
            ?? throw new InvalidOperationException($"The Orleans schema script '{script}' is not embedded in {assembly.GetName().Name} (expected a resource like '{wanted}').");
        await using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
