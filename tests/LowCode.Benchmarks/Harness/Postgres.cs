using Npgsql;

namespace LowCode.Benchmarks.Harness;

/// <summary>
/// The PostgreSQL server of the PostgreSQL-mode rows. Every run works in its own scratch database
/// (dropped afterwards), so nothing the tests or a real install keep is touched.
/// </summary>
public sealed class Postgres(string serverConnectionString)
{
    // Orleans opens a pooled connection per storage call; with 128 callers and up to three hosts alive
    // (LowCode, the peer with default and tuned settings) the pools must stay below the server's
    // max_connections (100 by default), so each database's pool is capped and idle connections close soon.
    public const int PoolSize = 30;

    public string Server { get; } = serverConnectionString;

    /// <summary>Null when the server answers, else why not.</summary>
    public static async Task<string?> ProbeAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW synchronous_commit", connection);
            var mode = (string?)await command.ExecuteScalarAsync();
            return mode == "on" ? null : $"the server runs with synchronous_commit={mode}, not on (LowCode's durability)";
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return $"no PostgreSQL server answered ({e.GetType().Name}: {e.Message.Split('\n')[0]})";
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateScratchAsync(string purpose)
    {
        var name = $"lowcode_bench_{purpose}_{Guid.NewGuid():N}"[..50];
        await RunOnServerAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = PoolSize, Timeout = 15, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 1 }.ConnectionString;
    }

    public async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await RunOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>
    /// Transactions that wrote, server-wide: the next transaction id. PostgreSQL assigns an id only to a
    /// transaction that writes (or locks rows), and reading the counter does not assign one. Other users
    /// of the same server in the same window would be counted too.
    /// </summary>
    public static async Task<long> NextTransactionIdAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task RunOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
