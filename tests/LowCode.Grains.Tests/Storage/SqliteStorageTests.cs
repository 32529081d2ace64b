using System.Text.Json;
using LowCode.Grains.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace LowCode.Grains.Tests.Storage;

/// <summary>Embedded mode: Orleans grain state in a SQLite file on disk.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lowcode-grains-{Guid.NewGuid():N}.db");
    private string ConnectionString => $"Data Source={_file}";

    [Fact]
    public async Task Applying_the_schema_twice_is_harmless()
    {
        await OrleansSchema.ApplyAsync(StorageKind.Sqlite, ConnectionString);
        await OrleansSchema.ApplyAsync(StorageKind.Sqlite, ConnectionString);

        Assert.Equal(["ClearStorageKey", "DeleteStorageKey", "ReadFromStorageKey", "WriteToStorageKey"],
            await QueryKeysAsync());
    }

    [Fact]
    public async Task Every_new_connection_to_the_file_uses_WAL_with_full_sync()
    {
        await OrleansSchema.ApplyAsync(StorageKind.Sqlite, ConnectionString);

        // The Orleans provider opens plain connections like this one, with no pragmas of its own.
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
    }

    [Fact]
    public async Task Ticket_state_is_stored_as_plain_json_and_survives_a_silo_restart()
    {
        var options = TestSilo.Options(StorageKind.Sqlite, ConnectionString, "sqlite-restart");
        await using (var silo = await TestSilo.StartAsync(options))
        {
            var ticket = silo.Grains.GetGrain<ITestTicketGrain>("T-1");
            await ticket.AddNote("opened");
            await ticket.AddNote("assigned");
        }

        await using (var silo = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Sqlite, ConnectionString, "sqlite-restart")))
        {
            Assert.Equal(["opened", "assigned"], await silo.Grains.GetGrain<ITestTicketGrain>("T-1").Notes());
        }

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var payload = (string)(await ScalarAsync(connection, "SELECT state FROM lc_grain_state"))!;
        using var json = JsonDocument.Parse(payload);
        Assert.Equal(["notes"], json.RootElement.EnumerateObject().Select(p => p.Name.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_raises_InconsistentStateException()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Sqlite, ConnectionString, "sqlite-etag"));
        await StaleWrites.AreRejectedAsync(silo.Services);
    }

    private async Task<List<string>> QueryKeysAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }
}
