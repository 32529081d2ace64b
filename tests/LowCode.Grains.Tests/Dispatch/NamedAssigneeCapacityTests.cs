using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Dispatch;
using LowCode.Grains.Organisation;
using LowCode.Grains.Tests.Tickets;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using Xunit;

namespace LowCode.Grains.Tests.Dispatch;

/// <summary>
/// People the flow names itself — a step assigned to a user, an escalation reassigning to one — hold capacity the
/// way a dispatched agent does; and a round-robin rule's turn is stored.
/// </summary>
[Collection(TicketClusterCollection.Name)]
public sealed class NamedAssigneeCapacityTests(TicketCluster cluster)
{
    private readonly DispatchKit _kit = new(cluster);

    private async Task<int> LoadOf(string agent) => (await cluster.Grains.GetGrain<IAgentGrain>(agent).GetWorkload()).Load;

    private static string ToUser(string id) => $$"""{ "to": { "kind": "user", "value": "{{id}}" } }""";

    [Fact]
    public async Task A_step_assigned_to_a_person_holds_their_capacity_and_waits_offered_to_them_when_they_are_full()
    {
        var li = (await _kit.AgentsAsync("li", 1, capacity: 1))[0];
        var type = await _kit.PublishAsync(ToUser(li));

        var first = (await _kit.OpenAsync(type)).Tasks.Single();
        var second = (await _kit.OpenAsync(type)).Tasks.Single();

        Assert.Equal(li, first.Assignee);
        Assert.Equal(1, await LoadOf(li));
        Assert.Null(second.Assignee);
        Assert.Equal(new Participant(ParticipantKind.User, li), Assert.Single(second.Candidates));
    }

    [Fact]
    public async Task A_step_assigned_to_a_person_out_of_office_goes_to_their_delegate_within_the_delegates_capacity()
    {
        var wang = (await _kit.AgentsAsync("wang", 1, capacity: 2))[0];
        var away = new OutOfOffice { From = TicketCluster.Clock.GetUtcNow().AddDays(-1), Until = TicketCluster.Clock.GetUtcNow().AddDays(5), Delegate = wang };
        var li = (await _kit.AgentsAsync("li", 1, profile: new AgentChange { OutOfOffice = away }))[0];
        var type = await _kit.PublishAsync(ToUser(li));

        var task = (await _kit.OpenAsync(type)).Tasks.Single();

        Assert.Equal(wang, task.Assignee);
        Assert.Equal((0, 1), (await LoadOf(li), await LoadOf(wang)));
    }

    [Fact]
    public async Task An_escalation_reassigning_to_a_person_moves_the_capacity_to_them()
    {
        var tech = (await _kit.AgentsAsync("tech", 1))[0];
        var lead = (await _kit.AgentsAsync("lead", 1))[0];
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, [tech]);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team },
            $$"""[ { "id": "slow", "after": { "length": "01:00:00" }, "actions": [ { "kind": "reassign", "to": { "kind": "user", "value": "{{lead}}" } } ] } ]""");
        var ticket = await _kit.OpenAsync(type);
        Assert.Equal(1, await LoadOf(tech));

        await _kit.Ticket(ticket.TicketId).FireTimer(ticket.Timers.Single(t => t.Purpose == TimerPurpose.Escalation).Id);

        Assert.Equal(lead, (await _kit.Ticket(ticket.TicketId).Get())!.State.Tasks.Single().Assignee);
        Assert.Equal((0, 1), (await LoadOf(tech), await LoadOf(lead)));
    }

    [Fact]
    public async Task An_escalation_to_a_person_who_is_full_offers_them_the_task_instead_of_overbooking_them()
    {
        var tech = (await _kit.AgentsAsync("tech", 1))[0];
        var lead = (await _kit.AgentsAsync("lead", 1, capacity: 1))[0];
        Assert.True((await cluster.Grains.GetGrain<IAgentGrain>(lead).TryReserve("elsewhere/t1", 1)).Holds);
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, [tech]);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team },
            $$"""[ { "id": "slow", "after": { "length": "01:00:00" }, "actions": [ { "kind": "reassign", "to": { "kind": "user", "value": "{{lead}}" } } ] } ]""");
        var ticket = await _kit.OpenAsync(type);

        await _kit.Ticket(ticket.TicketId).FireTimer(ticket.Timers.Single(t => t.Purpose == TimerPurpose.Escalation).Id);

        var task = (await _kit.Ticket(ticket.TicketId).Get())!.State.Tasks.Single();
        Assert.Null(task.Assignee);
        Assert.Equal(new Participant(ParticipantKind.User, lead), Assert.Single(task.Candidates));
        Assert.Equal((0, 1), (await LoadOf(tech), await LoadOf(lead)));
    }

    [Fact]
    public async Task A_round_robin_turn_carries_on_after_its_grain_deactivates()
    {
        var rotation = cluster.Grains.GetGrain<IRoundRobinGrain>(_kit.Key("type/rr"));
        Assert.Equal((0L, 1L), (await rotation.Next(), await rotation.Next()));

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(2L, await rotation.Next());
    }
}
