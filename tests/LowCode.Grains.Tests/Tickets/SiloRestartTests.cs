using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Xunit;

namespace LowCode.Grains.Tests.Tickets;

/// <summary>Restarts silos of its own cluster, so it does not share one with other tests.</summary>
public sealed class SiloRestartTests : IAsyncLifetime
{
    private readonly TicketCluster _cluster = new();

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
}
