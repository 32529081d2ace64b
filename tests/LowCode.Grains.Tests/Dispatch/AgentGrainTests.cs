using LowCode.Grains.Agents;
using LowCode.Grains.Organisation;
using LowCode.Grains.Tests.Tickets;
using Xunit;

namespace LowCode.Grains.Tests.Dispatch;

/// <summary>The agent grain's workload counter: capacity, idempotence, availability, durability.</summary>
[Collection(TicketClusterCollection.Name)]
public sealed class AgentGrainTests(TicketCluster cluster)
{
    private readonly DispatchKit _kit = new(cluster);

    private IAgentGrain Agent(string id) => cluster.Grains.GetGrain<IAgentGrain>(id);

    [Fact]
    public async Task Reservations_are_refused_above_capacity_and_counted_once_per_task()
    {
        var li = Agent((await _kit.AgentsAsync("li", 1, capacity: 2))[0]);

        var first = await li.TryReserve("T-1/t1", 1);
        var again = await li.TryReserve("T-1/t1", 1);
        var second = await li.TryReserve("T-2/t1", 1);
        var third = await li.TryReserve("T-3/t1", 1);

        Assert.Equal([ReservationOutcome.Reserved, ReservationOutcome.AlreadyHeld, ReservationOutcome.Reserved, ReservationOutcome.Full],
            new[] { first, again, second, third }.Select(r => r.Outcome));
        Assert.Equal("full: 2 of 2 in use", third.Reason);
        Assert.Equal((2, 2), ((await li.GetWorkload()).Load, (await li.GetWorkload()).Peak));
    }

    [Fact]
    public async Task Releasing_frees_the_tasks_weight_and_releasing_again_changes_nothing()
    {
        var li = Agent((await _kit.AgentsAsync("li", 1, capacity: 3))[0]);
        await li.TryReserve("T-1/t1", 2);
        await li.TryReserve("T-2/t1", 1);

        Assert.Equal(ReservationOutcome.Full, (await li.TryReserve("T-3/t1", 1)).Outcome);
        Assert.Equal(1, (await li.Release("T-1/t1")).Load);
        Assert.Equal(1, (await li.Release("T-1/t1")).Load);
        Assert.Equal(ReservationOutcome.Reserved, (await li.TryReserve("T-3/t1", 2)).Outcome);
    }

    [Fact]
    public async Task The_count_survives_deactivation()
    {
        var li = Agent((await _kit.AgentsAsync("li", 1, capacity: 2))[0]);
        await li.TryReserve("T-1/t1", 1);
        await li.TryReserve("T-2/t1", 1);

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var workload = await li.GetWorkload();
        Assert.Equal(["T-1/t1", "T-2/t1"], workload.Held.Keys.Order());
        Assert.Equal(ReservationOutcome.Full, (await li.TryReserve("T-3/t1", 1)).Outcome);
    }

    [Fact]
    public async Task Off_duty_and_out_of_office_agents_take_no_new_work_but_keep_what_they_hold()
    {
        var id = (await _kit.AgentsAsync("li", 1, capacity: 5))[0];
        var li = Agent(id);
        await li.TryReserve("T-1/t1", 1);

        DispatchKit.Ok(await _kit.Org.SetAvailabilityAsync(id, new AvailabilityChange { OnDuty = false }, "test"));
        var offDuty = await li.TryReserve("T-2/t1", 1);
        var held = await li.TryReserve("T-1/t1", 1);
        var until = TicketCluster.Clock.GetUtcNow().AddDays(3);
        DispatchKit.Ok(await _kit.Org.SetAvailabilityAsync(id, new AvailabilityChange { OutOfOffice = new OutOfOffice { Until = until, Delegate = "u-wang" } }, "test"));
        var away = await li.TryReserve("T-2/t1", 1);

        Assert.Equal((ReservationOutcome.Unavailable, "off duty"), (offDuty.Outcome, offDuty.Reason));
        Assert.Equal(ReservationOutcome.AlreadyHeld, held.Outcome);
        Assert.Equal((ReservationOutcome.Unavailable, "u-wang"), (away.Outcome, away.Delegate));
        Assert.StartsWith("out of office until ", away.Reason, StringComparison.Ordinal);
        Assert.Equal("outOfOffice", (await li.GetWorkload()).Availability);
    }

    [Fact]
    public async Task A_person_without_an_agent_profile_holds_nothing()
    {
        var answer = await Agent(_kit.Key("nobody")).TryReserve("T-1/t1", 1);

        Assert.Equal(ReservationOutcome.NotAnAgent, answer.Outcome);
        Assert.False(answer.Holds);
    }
}
