using System.Collections.Immutable;
using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Tests.Tickets;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using Xunit;

namespace LowCode.Grains.Tests.Dispatch;

/// <summary>Capacity is held while a task is someone's, and given back when it is done, cancelled or moves.</summary>
[Collection(TicketClusterCollection.Name)]
public sealed class CapacityLifecycleTests(TicketCluster cluster)
{
    private readonly DispatchKit _kit = new(cluster);

    private async Task<int> LoadOf(string agent) => (await cluster.Grains.GetGrain<IAgentGrain>(agent).GetWorkload()).Load;

    private async Task<(string Type, string[] Crew, string Team)> CrewAsync(int people = 2, int capacity = 5)
    {
        var crew = await _kit.AgentsAsync("tech", people, capacity);
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, crew);
        return (await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team }), crew, team);
    }

    [Fact]
    public async Task Completing_a_task_gives_its_agent_the_capacity_back()
    {
        var (type, crew, _) = await CrewAsync(people: 1);
        var ticket = await _kit.OpenAsync(type);
        Assert.Equal(1, await LoadOf(crew[0]));

        var done = await _kit.Ticket(ticket.TicketId).Apply(new CompleteTask(ticket.Tasks.Single().Id, "done") { Actor = crew[0] });

        Assert.True(done.Succeeded, done.Message);
        Assert.Equal(0, await LoadOf(crew[0]));
    }

    [Fact]
    public async Task Cancelling_the_ticket_gives_the_capacity_back()
    {
        var (type, crew, _) = await CrewAsync(people: 1);
        var ticket = await _kit.OpenAsync(type);

        Assert.True((await _kit.Ticket(ticket.TicketId).Apply(new CancelTicket("duplicate") { Actor = "u-zhang" })).Succeeded);

        Assert.Equal(0, await LoadOf(crew[0]));
    }

    [Fact]
    public async Task Reassigning_by_hand_moves_the_capacity_to_the_new_assignee()
    {
        var (type, crew, _) = await CrewAsync();
        var ticket = await _kit.OpenAsync(type);
        var task = ticket.Tasks.Single();
        Assert.Equal(crew[0], task.Assignee);

        var moved = await _kit.Ticket(ticket.TicketId).Apply(new AssignTask(task.Id, crew[1]) { Actor = "u-li", Reason = "Sun knows this press" });

        Assert.True(moved.Succeeded, moved.Message);
        Assert.Equal((0, 1), (await LoadOf(crew[0]), await LoadOf(crew[1])));
        Assert.Contains(await _kit.ReadModel.TimelineAsync(ticket.TicketId), e => e.Kind == "TaskAssigned" && e.Actor == "u-li" && e.Summary.EndsWith($"reassigned to {crew[1]}: Sun knows this press", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claiming_beyond_capacity_is_refused_and_nothing_is_stored()
    {
        var (type, crew, team) = await CrewAsync(people: 1, capacity: 1);
        await _kit.OpenAsync(type);
        var queued = await _kit.OpenAsync(type);
        var task = queued.Tasks.Single();
        Assert.Null(task.Assignee);

        var claim = await _kit.Ticket(queued.TicketId).Apply(new AssignTask(task.Id, crew[0]) { Actor = crew[0] });

        Assert.Equal(CommandError.Conflict, claim.Error);
        Assert.Equal("tech 01 cannot take '维修 Work': full: 1 of 1 in use.", claim.Message);
        Assert.Equal(queued.Sequence, (await _kit.Ticket(queued.TicketId).Get())!.State.Sequence);
        Assert.Equal(1, await LoadOf(crew[0]));
        Assert.NotEqual(team, crew[0]);
    }

    [Fact]
    public async Task Releasing_a_dispatched_task_puts_it_back_in_the_rules_queue_and_frees_the_capacity()
    {
        var (type, crew, team) = await CrewAsync(people: 1);
        var ticket = await _kit.OpenAsync(type);
        var task = ticket.Tasks.Single();

        var released = await _kit.Ticket(ticket.TicketId).Apply(new AssignTask(task.Id, null) { Actor = crew[0], Reason = "going home" });

        Assert.True(released.Succeeded, released.Message);
        var after = released.Value!.State.FindTask(task.Id)!;
        Assert.Equal((null, new Participant(ParticipantKind.Team, team)), (after.Assignee, after.Candidates.Single()));
        Assert.Equal(0, await LoadOf(crew[0]));
        Assert.Contains(await _kit.ReadModel.TimelineAsync(ticket.TicketId), e => e.Kind == "Dispatch" && e.Summary.Contains($"released by {crew[0]}: back to the queue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capacity_held_for_a_ticket_stays_held_after_both_grains_deactivate()
    {
        var (type, crew, _) = await CrewAsync(people: 1, capacity: 1);
        var ticket = await _kit.OpenAsync(type);

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(1, await LoadOf(crew[0]));
        Assert.Null((await _kit.OpenAsync(type)).Tasks.Single().Assignee);
        var done = await _kit.Ticket(ticket.TicketId).Apply(new CompleteTask(ticket.Tasks.Single().Id, "done") { Actor = crew[0] });
        Assert.True(done.Succeeded);
        Assert.Equal(0, await LoadOf(crew[0]));
    }

    [Fact]
    public async Task Approvals_go_to_the_requesters_line_manager_and_the_head_of_their_department()
    {
        var department = _kit.Key("plant");
        DispatchKit.Ok(await _kit.Org.SaveDepartmentAsync(department, new Organisation.DepartmentChange { Name = "Plant 2", Head = "u-director" }, "test"));
        var requester = DispatchKit.Requester with { Department = department, Manager = "u-li" };
        var lines = ImmutableArray.Create<object?>(ImmutableDictionary<string, object?>.Empty.Add("Item", "motor").Add("Category", "other").Add("Amount", 8000m));
        var receipt = await cluster.UploadedAsync(requester.Id, "invoice.pdf", "application/pdf");
        var outcome = await _kit.Ticket(LowCode.Grains.Tickets.TicketIds.New(TicketCluster.Clock.GetUtcNow())).Create(new CreateTicket("expense-approval", requester, requester.Id)
        {
            Form = ImmutableDictionary<string, object?>.Empty.Add("Department", "Production").Add("Purpose", "spare")
                .Add("StartDate", "2026-02-23").Add("EndDate", "2026-02-25").Add("Lines", lines).Add("Receipts", ImmutableArray.Create<object?>(receipt)),
        });
        Assert.True(outcome.Succeeded, outcome.Message + string.Join("; ", outcome.Problems ?? []));
        var grain = _kit.Ticket(outcome.Value!.State.TicketId);

        var manager = outcome.Value.State.OpenTasks.Single();
        var afterManager = await grain.Apply(new CompleteTask(manager.Id, "approve") { Actor = "u-li" });
        var head = afterManager.Value!.State.OpenTasks.Single();

        Assert.Equal(("u-li", "u-director"), (manager.Assignee, head.Assignee));
        Assert.Contains(await _kit.ReadModel.TimelineAsync(grain.GetPrimaryKeyString()),
            e => e.Kind == "Dispatch" && e.Summary.Contains($"the head of department {department}: u-director", StringComparison.Ordinal));
    }
}
