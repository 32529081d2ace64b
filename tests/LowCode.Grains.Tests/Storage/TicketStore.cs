using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace LowCode.Grains.Tests.Storage;

/// <summary>
/// One silo configured by <c>AddLowCodeStorage</c>, shared by the tests of a class, plus the read-model tables
/// (which <c>AddLowCodeGrains</c> would create): the "tickets" storage, its writer and its legacy fallback.
/// </summary>
public abstract class TicketStore : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public string ServiceId { get; } = $"store-{Guid.NewGuid():N}";
    /// <summary>Starts every ticket id of these tests, so their read-model rows can be found and removed.</summary>
    public string Prefix { get; } = $"S{Guid.NewGuid():N}"[..9] + "-";
    public IServiceProvider Services => _silo.Services;
    public IGrainStorage Storage => _silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloStorageExtensions.TicketStorage);
    public IGrainStorage Legacy => _silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloStorageExtensions.LegacyTicketStorage);
    public GroupCommit Writer => _silo.Services.GetRequiredService<GroupCommit>();
    public LowCodeDatabase Database { get; private set; } = null!;

    protected abstract Task<(StorageKind Kind, string ConnectionString)> DatabaseAsync();

    public async Task InitializeAsync()
    {
        var (kind, connectionString) = await DatabaseAsync();
        Database = new LowCodeDatabase(kind, connectionString);
        _silo = await TestSilo.StartAsync(TestSilo.Options(kind, connectionString, ServiceId));
        await new TicketReadModel(Database).ApplySchemaAsync();
    }

    public virtual async Task DisposeAsync() => await _silo.DisposeAsync();
}

public sealed class SqliteTicketStore : TicketStore
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lowcode-store-{Guid.NewGuid():N}.db");

    protected override Task<(StorageKind, string)> DatabaseAsync() => Task.FromResult((StorageKind.Sqlite, $"Data Source={_file}"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }
}

public sealed class PostgresTicketStore : TicketStore
{
    protected override async Task<(StorageKind, string)> DatabaseAsync() => (StorageKind.Postgres, await TestPostgres.ConnectionStringAsync());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.ForgetAsync(Database.ConnectionString, ServiceId, ServiceId);
        await using var connection = await Database.OpenAsync();
        foreach (var table in new[] { "lc_timeline", "lc_tasks", "lc_timers", "lc_ticket_keys" })
        {
            await using var rows = LowCodeDatabase.Command(connection, $"DELETE FROM {table} WHERE ticket_id LIKE @prefix", null, ("@prefix", Prefix + "%"));
            await rows.ExecuteNonQueryAsync();
        }
        await using var tickets = LowCodeDatabase.Command(connection, "DELETE FROM lc_tickets WHERE id LIKE @prefix", null, ("@prefix", Prefix + "%"));
        await tickets.ExecuteNonQueryAsync();
    }
}
