using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LowCode.Grains.Tests.ReadModel;

/// <summary>Group commit of the read model: concurrent projections share transactions, and one that fails fails alone.</summary>
public sealed class ProjectionBatcherTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lowcode-projection-{Guid.NewGuid():N}.db");
    private LowCodeDatabase _database = null!;
    private TicketReadModel _readModel = null!;

    public async Task InitializeAsync()
    {
        _database = new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={_file}");
        await OrleansSchema.ApplyAsync(StorageKind.Sqlite, _database.ConnectionString); // WAL, as the host sets it
        _readModel = new TicketReadModel(_database);
        await _readModel.ApplySchemaAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    private static TicketState Ticket(string id, long sequence = 1) => new()
    {
        TicketId = id, TicketType = "equipment-repair", Version = 1, Title = $"Ticket {id}",
        Requester = new PersonInfo("u-zhang", "张三"), CreatedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), Sequence = sequence,
    };

    private static TimelineEffect Entry(string id, long sequence) =>
        new(id, sequence, new TimelineEntry(TimelineKind.Created, DateTimeOffset.UnixEpoch, "u-zhang", $"created {id}"));

    [Fact]
    public async Task Two_hundred_tickets_projected_at_once_are_all_in_the_read_model()
    {
        await using var writer = new GroupCommit(_database, NullLogger<GroupCommit>.Instance);
        var batcher = new ProjectionBatcher(writer);
        var ids = Enumerable.Range(0, 200).Select(i => $"T-{i:000}").ToList();

        await Task.WhenAll(ids.Select(id => Task.Run(() => batcher.ProjectAsync(Ticket(id), null, [Entry(id, 1)]))));

        foreach (var id in ids)
        {
            Assert.Equal(1, await _readModel.ProjectedSequenceAsync(id));
            Assert.Equal($"created {id}", Assert.Single(await _readModel.TimelineAsync(id)).Summary);
        }
    }

    [Fact]
    public async Task A_projection_that_fails_fails_alone_and_the_others_in_its_batch_commit()
    {
        await using var writer = new GroupCommit(_database, NullLogger<GroupCommit>.Instance);
        var batcher = new ProjectionBatcher(writer);
        var broken = Ticket("T-broken") with { TicketType = null! }; // the ticket row's type may not be null

        var good = Enumerable.Range(0, 20).Select(i => batcher.ProjectAsync(Ticket($"T-{i}"), null, [Entry($"T-{i}", 1)])).ToList();
        var bad = batcher.ProjectAsync(broken, null, [Entry("T-broken", 1)]);
        var more = Enumerable.Range(20, 20).Select(i => batcher.ProjectAsync(Ticket($"T-{i}"), null, [Entry($"T-{i}", 1)])).ToList();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => bad);
        await Task.WhenAll(good.Concat(more));
        Assert.Null(await _readModel.ProjectedSequenceAsync("T-broken"));
        Assert.Empty(await _readModel.TimelineAsync("T-broken"));
        for (var i = 0; i < 40; i++) Assert.Equal(1, await _readModel.ProjectedSequenceAsync($"T-{i}"));
    }

    [Fact]
    public async Task A_later_state_of_the_same_ticket_wins_whatever_order_the_batch_holds()
    {
        await using var writer = new GroupCommit(_database, NullLogger<GroupCommit>.Instance);
        var batcher = new ProjectionBatcher(writer);

        var newer = batcher.ProjectAsync(Ticket("T-1", sequence: 5) with { Title = "newer" }, null, []);
        var older = batcher.ProjectAsync(Ticket("T-1", sequence: 3) with { Title = "older" }, null, []);
        await Task.WhenAll(newer, older);

        Assert.Equal(5, await _readModel.ProjectedSequenceAsync("T-1"));
    }
}
