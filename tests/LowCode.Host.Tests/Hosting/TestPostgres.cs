using System.Net.Sockets;
using Npgsql;

namespace LowCode.Host.Tests.Hosting;

/// <summary>
/// The PostgreSQL database the cluster tests use: LOWCODE_TEST_POSTGRES, or a local default. The
/// database is created when missing. An unreachable server fails the test with a message saying so;
/// it is never skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "LOWCODE_TEST_POSTGRES";
    private const string Default = "Host=localhost;Username=postgres;Password=postgres;Database=lowcode_cluster_test";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : Default;

    public static async Task<string> EnsureDatabaseAsync()
    {
        var connectionString = ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException($"{Variable} names no Database.");
        await using var connection = await OpenAsync(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created by someone else in the meantime.
            }
        }
        return connectionString;
    }

    /// <summary>
    /// Deletes what one test run stored: Orleans rows of its service and cluster id, the read model
    /// rows of its ticket type and tickets (the read model has no service id of its own), and the
    /// tokens issued to the test client (the client itself stays for the next run).
    /// </summary>
    public static async Task ForgetAsync(string connectionString, string serviceId, string clusterId, string ticketType)
    {
        await using var connection = await OpenAsync(connectionString);
        var statements = new[]
        {
            "DELETE FROM OrleansStorage WHERE ServiceId = @service",
            "DELETE FROM lc_grain_state WHERE service_id = @service",
            "DELETE FROM OrleansRemindersTable WHERE ServiceId = @service",
            "DELETE FROM OrleansMembershipTable WHERE DeploymentId = @cluster",
            "DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster",
            "DELETE FROM lc_tasks WHERE ticket_id IN (SELECT id FROM lc_tickets WHERE type = @type)",
            "DELETE FROM lc_timeline WHERE ticket_id IN (SELECT id FROM lc_tickets WHERE type = @type)",
            "DELETE FROM lc_timers WHERE ticket_id IN (SELECT id FROM lc_tickets WHERE type = @type)",
            "DELETE FROM lc_notifications WHERE ticket_id IN (SELECT id FROM lc_tickets WHERE type = @type)",
            "DELETE FROM lc_ticket_keys WHERE ticket_id IN (SELECT id FROM lc_tickets WHERE type = @type)",
            "DELETE FROM lc_tickets WHERE type = @type",
            "DELETE FROM lc_ticket_types WHERE key = @type",
            """DELETE FROM "OpenIddictTokens" WHERE "ApplicationId" IN (SELECT "Id" FROM "OpenIddictApplications" WHERE "ClientId" = @client)""",
        };
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("service", serviceId);
            command.Parameters.AddWithValue("cluster", clusterId);
            command.Parameters.AddWithValue("type", ticketType);
            command.Parameters.AddWithValue("client", HostSettings.ClientId);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at Host={builder.Host};Port={builder.Port};Username={builder.Username};Database={builder.Database} " +
                $"({e.GetType().Name}: {e.Message}). The cluster test needs a running server: start one or set {Variable} to its connection string.", e);
        }
    }
}
