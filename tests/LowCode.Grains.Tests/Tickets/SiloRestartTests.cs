using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Xunit;

namespace LowCode.Grains.Tests.Tickets;

/// <summary>
/// Restarts silos of its own cluster, so it does not share one with other tests; it runs in their
/// collection all the same, because they all read (and this moves) the one ticket clock.
/// </summary>
[Collection(TicketClusterCollection.Name)]
public sealed class SiloRestartTests : IAsyncLifetime
{
    private readonly TicketCluster _cluster = new() { Silos = 1 };

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Tickets_continue_after_every_silo_restarted()
    {
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = TicketIds.New(TicketCluster.Clock.GetUtcNow());
            var outcome = await _cluster.Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket("equipment-repair", new PersonInfo("u", "U"), "u")
            {
                Form = ImmutableDictionary<string, object?>.Empty.Add("Asset", $"A{i}").Add("Site", "SH").Add("Category", "it").Add("Description", "d"),
            });
            Assert.True(outcome.Succeeded, outcome.Message);
            ids.Add(id);
        }

        foreach (var silo in _cluster.Cluster.Silos.ToList()) await _cluster.Cluster.RestartSiloAsync(silo);

        foreach (var id in ids)
        {
            var grain = _cluster.Grains.GetGrain<ITicketGrain>(id);
            var state = (await grain.Get())!.State;
            var task = Assert.Single(state.OpenTasks);
            var done = await grain.Apply(new CompleteTask(task.Id, "repaired") { Actor = "tech" });
            Assert.True(done.Succeeded, done.Message);
            Assert.Single(done.Value!.State.OpenTasks, t => t.NodeId == "qualityCheck");
        }
    }

    [Fact]
    public async Task A_ticket_whose_projection_was_lost_is_restored_when_the_silos_restart()
    {
        var id = TicketIds.New(TicketCluster.Clock.GetUtcNow());
        var outcome = await _cluster.Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket("equipment-repair", new PersonInfo("u", "U"), "u")
        {
            Form = ImmutableDictionary<string, object?>.Empty.Add("Asset", "A").Add("Site", "SH").Add("Category", "it").Add("Description", "d"),
        });
        Assert.True(outcome.Succeeded, outcome.Message);
        var database = new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={_cluster.Database}");
        var readModel = new TicketReadModel(database);

        // As if the process died after storing the ticket but before writing the read model.
        await using (var connection = await database.OpenAsync())
        await using (var delete = LowCodeDatabase.Command(connection, "DELETE FROM lc_tickets WHERE id = @id; DELETE FROM lc_timers WHERE ticket_id = @id", null, ("@id", id)))
            await delete.ExecuteNonQueryAsync();
        Assert.Null(await readModel.ProjectedSequenceAsync(id));

        // The process dies: no graceful deactivation, the stored outbox stays. A new silo starts on the same database.
        foreach (var silo in _cluster.Cluster.Silos.ToList()) await _cluster.Cluster.KillSiloAsync(silo);
        await _cluster.Cluster.StartAdditionalSiloAsync();

        // Recovery runs in the background once the silos are active; wait for it, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await readModel.ProjectedSequenceAsync(id) is null && DateTime.UtcNow < deadline)
            await Task.Yield();
        Assert.Equal(outcome.Value!.State.Sequence, await readModel.ProjectedSequenceAsync(id));
        Assert.Equal(4, (await readModel.TimersOfShardAsync(TicketReadModel.ShardOf(id))).Count(t => t.TicketId == id)); // two step escalations, two SLA clocks
    }

    [Fact]
    public async Task Deadlines_that_passed_while_the_silo_was_down_fire_exactly_once_when_it_is_back()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = TicketIds.New(TicketCluster.Clock.GetUtcNow());
            var outcome = await _cluster.Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket("equipment-repair", new PersonInfo("u", "U"), "u")
            {
                Form = ImmutableDictionary<string, object?>.Empty.Add("Asset", $"Press {i}").Add("Site", "SH").Add("Category", "it").Add("Description", "d"),
            });
            Assert.True(outcome.Succeeded, outcome.Message);
            ids.Add(id);
        }
        var firstDeadline = (await _cluster.Grains.GetGrain<ITicketGrain>(ids[0]).Get())!.State.Timers.Min(t => t.DueAt);

        // Down for longer than the first deadlines (the step's four business hours, the first-response target).
        foreach (var silo in _cluster.Cluster.Silos.ToList()) await _cluster.Cluster.KillSiloAsync(silo);
        TicketCluster.Clock.Advance(firstDeadline - TicketCluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await _cluster.Cluster.StartAdditionalSiloAsync();
        await FireAllDueAsync(ids);
        await FireAllDueAsync(ids); // firing again, and after another restart, changes nothing
        foreach (var silo in _cluster.Cluster.Silos.ToList()) await _cluster.Cluster.RestartSiloAsync(silo);
        await FireAllDueAsync(ids);

        var readModel = new TicketReadModel(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={_cluster.Database}"));
        foreach (var id in ids)
        {
            var timeline = await readModel.TimelineAsync(id);
            Assert.Single(timeline, e => e.Kind == "EscalationFired" && e.Subject == "four-hours");
            Assert.Single(timeline, e => e.Kind == "Sla" && e.Summary.StartsWith("SLA breached: first response", StringComparison.Ordinal));
            var state = (await _cluster.Grains.GetGrain<ITicketGrain>(id).Get())!.State;
            Assert.Equal("P2", state.Priority);
            Assert.True(state.Sla.Single(c => c.Kind == Runtime.Definitions.SlaClockKind.FirstResponse).Breached);
        }
    }

    private async Task FireAllDueAsync(IEnumerable<string> ids)
    {
        foreach (var shard in ids.Select(TicketReadModel.ShardOf).Distinct())
            await _cluster.Grains.GetGrain<LowCode.Grains.Timers.ITimerShardGrain>(shard).FireDue();
    }
}
