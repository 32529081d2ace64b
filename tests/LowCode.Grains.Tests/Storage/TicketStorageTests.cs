using System.Data.Common;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using Xunit;

namespace LowCode.Grains.Tests.Storage;

/// <summary>
/// The "tickets" storage (<see cref="LowCodeGrainStorage"/>) on a real database: ETags, group commit, the
/// read-model projection stored with the state, and rows an earlier version left in Orleans' table.
/// </summary>
public abstract class TicketStorageTests(TicketStore store)
{
    private const string Notes = "testticket";

    private GrainId NewGrain(string type = Notes) => GrainId.Create(type, $"{store.Prefix}{Guid.NewGuid():N}");

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var id = NewGrain();
        var written = new GrainState<TestTicketState>(new() { Notes = ["opened", "assigned"] });

        await store.Storage.WriteStateAsync(Notes, id, written);
        var read = new GrainState<TestTicketState>(new());
        await store.Storage.ReadStateAsync(Notes, id, read);

        Assert.Equal(["opened", "assigned"], read.State!.Notes);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing() => await StaleWrites.AreRejectedAsync(store.Services);

    [Fact]
    public async Task Two_hundred_concurrent_writers_are_each_answered_only_once_their_state_is_committed()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => NewGrain()).ToList();

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var state = new GrainState<TestTicketState>(new() { Notes = [id.ToString()] });
            await store.Storage.WriteStateAsync(Notes, id, state);
            // Answered: another connection must already see the row (it only sees committed transactions).
            Assert.Equal(state.ETag, (await RowAsync(Notes, id))?.Version.ToString());
        })));

        foreach (var id in ids)
        {
            var read = new GrainState<TestTicketState>(new());
            await store.Storage.ReadStateAsync(Notes, id, read);
            Assert.Equal([id.ToString()], read.State!.Notes);
        }
    }

    [Fact]
    public async Task A_failing_write_in_a_batch_fails_alone_and_the_others_commit()
    {
        var stale = NewGrain();
        var first = new GrainState<TestTicketState>(new() { Notes = ["first"] });
        await store.Storage.WriteStateAsync(Notes, stale, first);
        var ids = Enumerable.Range(0, 20).Select(_ => NewGrain()).ToList();

        // Hold the writer so everything queued meanwhile lands in one batch.
        var (gate, holding) = (new TaskCompletionSource(), new TaskCompletionSource());
        var held = store.Writer.RunAsync(async (_, _, _) => { holding.SetResult(); await gate.Task; return true; });
        await holding.Task;
        var good = ids.Select(id => store.Storage.WriteStateAsync(Notes, id, new GrainState<TestTicketState>(new() { Notes = ["ok"] }))).ToList();
        var conflict = store.Storage.WriteStateAsync(Notes, stale, new GrainState<TestTicketState>(new() { Notes = ["stale"] }) { ETag = null });
        var broken = Write(Ticket(broken: true));
        gate.SetResult();
        await held;

        await Assert.ThrowsAsync<InconsistentStateException>(() => conflict);
        await Assert.ThrowsAnyAsync<DbException>(() => broken);
        await Task.WhenAll(good);
        foreach (var id in ids) Assert.Equal(1, (await RowAsync(Notes, id))?.Version);
        Assert.Equal(first.ETag, (await RowAsync(Notes, stale))?.Version.ToString());
    }

    [Fact]
    public async Task A_ticket_state_and_its_projection_are_stored_together()
    {
        var ticket = Ticket(broken: false);
        await Write(ticket);

        Assert.NotNull(await RowAsync("ticket", TicketGrain(ticket.TicketId)));
        var readModel = new TicketReadModel(store.Database);
        Assert.Equal(ticket.Sequence, await readModel.ProjectedSequenceAsync(ticket.TicketId));
        Assert.Equal("opened", Assert.Single(await readModel.TimelineAsync(ticket.TicketId)).Summary);
    }

    [Fact]
    public async Task A_projection_that_fails_leaves_no_state_behind_and_the_writer_sees_the_error()
    {
        var ticket = Ticket(broken: true);

        await Assert.ThrowsAnyAsync<DbException>(() => Write(ticket));
        Assert.Null(await RowAsync("ticket", TicketGrain(ticket.TicketId)));
        Assert.Null(await new TicketReadModel(store.Database).ProjectedSequenceAsync(ticket.TicketId));
    }

    [Fact]
    public async Task A_state_written_without_a_pending_projection_leaves_the_read_model_alone()
    {
        var ticket = Ticket(broken: false);
        var state = new GrainState<TicketGrainState>(new() { Ticket = ticket }); // ProjectWithNextWrite not set

        await store.Storage.WriteStateAsync("ticket", TicketGrain(ticket.TicketId), state);

        Assert.Null(await new TicketReadModel(store.Database).ProjectedSequenceAsync(ticket.TicketId));
    }

    [Fact]
    public async Task A_state_stored_by_the_earlier_provider_is_read_then_moved_on_its_next_write()
    {
        var stateName = $"legacy{Guid.NewGuid():N}"; // the fallback is decided once per state name and silo
        var id = NewGrain();
        var old = new GrainState<TestTicketState>(new() { Notes = ["stored by Orleans' ADO.NET provider"] });
        await store.Legacy.WriteStateAsync(stateName, id, old);

        var read = new GrainState<TestTicketState>(new());
        await store.Storage.ReadStateAsync(stateName, id, read);
        Assert.Equal(old.State!.Notes, read.State!.Notes);
        Assert.True(read.RecordExists);

        var otherActivation = new GrainState<TestTicketState>(new()) { ETag = read.ETag };
        read.State!.Notes.Add("written by LowCode's provider");
        await store.Storage.WriteStateAsync(stateName, id, read);
        Assert.Equal(2, (await RowAsync(stateName, id))?.Version); // counts on from the legacy version
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.Storage.WriteStateAsync(stateName, id, otherActivation));

        var again = new GrainState<TestTicketState>(new());
        await store.Storage.ReadStateAsync(stateName, id, again);
        Assert.Equal(["stored by Orleans' ADO.NET provider", "written by LowCode's provider"], again.State!.Notes);
        Assert.Equal(read.ETag, again.ETag);
    }

    [Fact]
    public async Task Clearing_keeps_the_version_counting_and_refuses_a_stale_writer()
    {
        var id = NewGrain();
        var state = new GrainState<TestTicketState>(new() { Notes = ["opened"] });
        await store.Storage.WriteStateAsync(Notes, id, state);
        var before = state.ETag;

        await store.Storage.ClearStateAsync(Notes, id, state);
        Assert.False(state.RecordExists);
        Assert.Empty(state.State!.Notes);

        var read = new GrainState<TestTicketState>(new() { Notes = ["in memory"] });
        await store.Storage.ReadStateAsync(Notes, id, read);
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!.Notes);
        Assert.Equal(state.ETag, read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            store.Storage.WriteStateAsync(Notes, id, new GrainState<TestTicketState>(new() { Notes = ["stale"] }) { ETag = before }));

        read.State!.Notes.Add("reopened");
        await store.Storage.WriteStateAsync(Notes, id, read);
        Assert.Equal(3, (await RowAsync(Notes, id))?.Version);
    }

    [Fact]
    public async Task Recovery_finds_the_tickets_whose_stored_outbox_is_not_empty_in_both_tables()
    {
        TicketGrainState Stored(TicketState ticket, bool pending) => new()
        {
            Ticket = ticket,
            Outbox = pending ? [new TimelineEffect(ticket.TicketId, 1, new TimelineEntry(TimelineKind.Created, DateTimeOffset.UnixEpoch, "u-zhang", "opened"))] : [],
        };
        var (pending, done, legacyPending, moved) = (Ticket(false), Ticket(false), Ticket(false), Ticket(false));
        await store.Storage.WriteStateAsync("ticket", TicketGrain(pending.TicketId), new GrainState<TicketGrainState>(Stored(pending, true)));
        await store.Storage.WriteStateAsync("ticket", TicketGrain(done.TicketId), new GrainState<TicketGrainState>(Stored(done, false)));
        await store.Legacy.WriteStateAsync("ticket", TicketGrain(legacyPending.TicketId), new GrainState<TicketGrainState>(Stored(legacyPending, true)));
        var old = new GrainState<TicketGrainState>(Stored(moved, true));
        await store.Legacy.WriteStateAsync("ticket", TicketGrain(moved.TicketId), old);
        await store.Storage.WriteStateAsync("ticket", TicketGrain(moved.TicketId),
            new GrainState<TicketGrainState>(Stored(moved, false)) { ETag = StoredVersion.FromLegacy(old.ETag) }); // its effects were performed since

        var recovery = new TicketRecovery(store.Database, Options.Create(new ClusterOptions { ServiceId = store.ServiceId }),
            store.Services.GetRequiredService<IGrainFactory>(), NullLogger<TicketRecovery>.Instance);
        var mine = new[] { pending, done, legacyPending, moved }.Select(t => t.TicketId).ToHashSet();
        var found = (await recovery.PendingAsync()).Where(mine.Contains).Order().ToList();

        Assert.Equal(new[] { pending.TicketId, legacyPending.TicketId }.Order(), found);
    }

    private TicketState Ticket(bool broken)
    {
        var id = $"{store.Prefix}{Guid.NewGuid():N}"[..24];
        return new TicketState
        {
            TicketId = id, TicketType = broken ? null! : "equipment-repair", Version = 1, Title = $"Ticket {id}", // the read model refuses a null type
            Requester = new PersonInfo("u-zhang", "张三"), CreatedAt = DateTimeOffset.UnixEpoch, Sequence = 1,
        };
    }

    /// <summary>Writes a ticket's grain state as the grain does after a transition: the projection comes along.</summary>
    private Task Write(TicketState ticket) => store.Storage.WriteStateAsync("ticket", TicketGrain(ticket.TicketId), new GrainState<TicketGrainState>(new()
    {
        Ticket = ticket,
        Outbox = [new TimelineEffect(ticket.TicketId, 1, new TimelineEntry(TimelineKind.Created, DateTimeOffset.UnixEpoch, "u-zhang", "opened"))],
        ProjectWithNextWrite = true,
    }));

    private static GrainId TicketGrain(string ticketId) => GrainId.Create("ticket", ticketId);

    private async Task<GrainStateRow?> RowAsync(string stateName, GrainId id)
    {
        await using var connection = await store.Database.OpenAsync();
        return await GrainStateRows.ReadAsync(connection, new GrainStateKey(store.ServiceId, stateName, id.ToString()));
    }
}

public sealed class SqliteTicketStorageTests(SqliteTicketStore store) : TicketStorageTests(store), IClassFixture<SqliteTicketStore>;

public sealed class PostgresTicketStorageTests(PostgresTicketStore store) : TicketStorageTests(store), IClassFixture<PostgresTicketStore>;

/// <summary>A database written by an earlier version: its grains come back with their state and keep working.</summary>
public sealed class LegacyGrainStateTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lowcode-legacy-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_grain_stored_by_Orleans_ADO_NET_provider_activates_with_its_state_and_writes_on()
    {
        var options = TestSilo.Options(StorageKind.Sqlite, $"Data Source={_file}", "legacy-grain");
        var id = GrainId.Create("testticket", "T-legacy");
        await using (var silo = await TestSilo.StartAsync(options))
        {
            // What the earlier "tickets" storage (Orleans' ADO.NET provider) left in OrleansStorage.
            var legacy = silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloStorageExtensions.LegacyTicketStorage);
            await legacy.WriteStateAsync("ticket", id, new GrainState<TestTicketState>(new() { Notes = ["opened before the upgrade"] }));
        }

        await using (var silo = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Sqlite, $"Data Source={_file}", "legacy-grain")))
        {
            var ticket = silo.Grains.GetGrain<ITestTicketGrain>("T-legacy");
            Assert.Equal(["opened before the upgrade"], await ticket.Notes());
            await ticket.AddNote("assigned after it");
        }

        await using (var silo = await TestSilo.StartAsync(TestSilo.Options(StorageKind.Sqlite, $"Data Source={_file}", "legacy-grain")))
            Assert.Equal(["opened before the upgrade", "assigned after it"], await silo.Grains.GetGrain<ITestTicketGrain>("T-legacy").Notes());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }
}
