using System.Diagnostics;
using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Tests.Tickets;
using LowCode.Runtime.Definitions;
using Xunit;
using Xunit.Abstractions;

namespace LowCode.Grains.Tests.Dispatch;

/// <summary>Capacity holds under load: many tickets dispatched at the same moment, on two silos.</summary>
[Collection(TicketClusterCollection.Name)]
public sealed class ConcurrentDispatchTests(TicketCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_tasks_at_once_never_overbook_fifty_agents_and_the_excess_goes_to_the_fallback_queue()
    {
        var kit = new DispatchKit(cluster);
        var team = kit.Key("crew");
        var overflow = kit.Key("overflow");
        var agents = await kit.AgentsAsync("agent", 50, capacity: 5);
        await kit.TeamAsync(team, agents);
        await kit.TeamAsync(overflow, []);
        var type = await kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew, least loaded") { Team = team, Strategy = "leastLoaded", FallbackTeam = overflow });

        var clock = Stopwatch.StartNew();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => kit.OpenAsync(type)));
        output.WriteLine($"1,000 tickets opened and dispatched in {clock.Elapsed.TotalSeconds:0.0} s");

        var tasks = tickets.Select(t => Assert.Single(t.Tasks)).ToList();
        var perAgent = tasks.Where(t => t.Assignee is not null).GroupBy(t => t.Assignee!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(agents.Order(), perAgent.Keys.Order());
        Assert.All(perAgent, a => Assert.Equal(5, a.Value)); // least loaded spreads the work evenly: every agent exactly full
        var queued = tasks.Where(t => t.Assignee is null).ToList();
        Assert.Equal(750, queued.Count);
        Assert.All(queued, t => Assert.Equal([new Participant(ParticipantKind.Team, overflow)], t.Candidates.ToArray()));

        var workloads = await Task.WhenAll(agents.Select(a => cluster.Grains.GetGrain<IAgentGrain>(a).GetWorkload()));
        Assert.Equal(5, workloads.Max(w => w.Peak)); // the most any agent ever held
        Assert.All(workloads, w => Assert.Equal((5, 5), (w.Load, w.Peak)));
    }
}
