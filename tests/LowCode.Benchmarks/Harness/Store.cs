using LowCode.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace LowCode.Benchmarks.Harness;

/// <summary>
/// One database a run writes to, with LowCode's durability: a SQLite file in WAL mode with
/// synchronous=FULL (what <c>OrleansSchema</c> and <c>LowCodeDatabase</c> set), or a scratch PostgreSQL
/// database with synchronous_commit=on (the server default). It also counts the commits made to it.
/// </summary>
public sealed class Store : IAsyncDisposable
{
    private readonly Postgres? _server;
    private readonly string? _folder;

    private Store(StorageKind kind, string connectionString, Postgres? server, string? folder) =>
        (Kind, ConnectionString, _server, _folder) = (kind, connectionString, server, folder);

    public StorageKind Kind { get; }
    public string ConnectionString { get; }
    public string Label => Kind == StorageKind.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>A fresh SQLite file in a temporary folder, with the connection string the server builds.</summary>
    public static Store Sqlite(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lowcode-bench-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "lowcode.db"), Pooling = true }.ToString();
        return new Store(StorageKind.Sqlite, connectionString, null, folder);
    }

    public static async Task<Store> PostgresAsync(Postgres server, string purpose) =>
        new(StorageKind.Postgres, await server.CreateScratchAsync(purpose), server, null);

    /// <summary>
    /// Commits so far: for SQLite, committed write transactions that changed a row (this process, any
    /// file); for PostgreSQL, transactions that were assigned a transaction id (server-wide).
    /// </summary>
    public Task<long> CommitsAsync() => Kind == StorageKind.Sqlite
        ? Task.FromResult(SqliteCommits.WritingCommits)
        : Postgres.NextTransactionIdAsync(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DropAsync(ConnectionString);
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
