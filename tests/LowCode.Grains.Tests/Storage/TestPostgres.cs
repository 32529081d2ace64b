using System.Net.Sockets;
using Npgsql;

namespace LowCode.Grains.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests run against: LOWCODE_TEST_POSTGRES, or a local default.
/// An unreachable server fails the tests with a message saying so; they are never skipped.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "LOWCODE_TEST_POSTGRES";
    private const string Default = "Host=localhost;Username=postgres;Password=postgres;Database=lowcode_grains_test";

    private static readonly Lazy<Task<string>> Database = new(() => EnsureDatabaseAsync(Configured));

    private static string Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : Default;

    /// <summary>The test database, created on first use if it is missing.</summary>
    public static Task<string> ConnectionStringAsync() => Database.Value;

    /// <summary>A new, empty database next to the test database; drop it with <see cref="DropAsync"/>.</summary>
    public static async Task<string> CreateScratchDatabaseAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(await ConnectionStringAsync());
        var name = $"{builder.Database}_{Guid.NewGuid():N}";
        builder.Database = name.Length <= 63 ? name : name[^63..]; // PostgreSQL names are at most 63 bytes
        return await EnsureDatabaseAsync(builder.ConnectionString);
    }

    public static async Task DropAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = await OpenMaintenanceAsync(connectionString);
        await Run(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>Deletes what one test stored under its service and cluster id.</summary>
    public static async Task ForgetAsync(string connectionString, string serviceId, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DELETE FROM OrleansStorage WHERE ServiceId = @service;
            DELETE FROM lc_grain_state WHERE service_id = @service;
            DELETE FROM OrleansRemindersTable WHERE ServiceId = @service;
            DELETE FROM OrleansMembershipTable WHERE DeploymentId = @cluster;
            DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster;
            """, connection);
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("cluster", clusterId);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException($"{Variable} names no Database.");
        await using var connection = await OpenMaintenanceAsync(connectionString);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            try
            {
                await Run(connection, $"CREATE DATABASE \"{database}\"");
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another test created it first.
            }
        }
        return connectionString;
    }

    // The "postgres" database of the same server, to create and drop databases from.
    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at Host={builder.Host};Port={builder.Port};Username={builder.Username} " +
                $"({e.GetType().Name}: {e.Message}). The PostgreSQL storage tests need a running server: start one " +
                $"or set {Variable} to its connection string.", e);
        }
    }

    private static async Task Run(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
