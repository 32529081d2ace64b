using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Grains.Timers;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Xunit;

namespace LowCode.Grains.Tests.Tickets;

[Collection(TicketClusterCollection.Name)]
public sealed class TicketGrainTests(TicketCluster cluster)
{
    private static readonly PersonInfo Requester = new("u-zhang", "Zhang San") { Manager = "u-li" };

    private static readonly ImmutableDictionary<string, object?> Repair = ImmutableDictionary<string, object?>.Empty
        .Add("Asset", "Press #4").Add("Site", "SH").Add("Category", "electrical").Add("Description", "Motor trips");

    private TicketReadModel ReadModel => new(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={cluster.Database}"));

    private async Task<(ITicketGrain Grain, TicketState State)> Open(string type, ImmutableDictionary<string, object?> form, string? id = null)
    {
        id ??= TicketIds.New(TicketCluster.Clock.GetUtcNow());
        var grain = cluster.Grains.GetGrain<ITicketGrain>(id);
        var outcome = await grain.Create(new CreateTicket(type, Requester, Requester.Id) { Form = form, Title = "test" });
        Assert.True(outcome.Succeeded, outcome.Message);
        return (grain, outcome.Value!.State);
    }

    [Fact]
    public async Task A_write_refused_because_another_activation_wrote_first_is_decided_again_on_the_stored_state()
    {
        var (grain, state) = await Open("equipment-repair", Repair);
        var repair = state.OpenTasks.Single(t => t.NodeId == "repair");

        // Another activation of the same ticket (two can coexist briefly while a cluster changes membership) stores
        // this ticket with the repair already done: this activation's ETag is now stale.
        var done = await grain.Apply(new CompleteTask(repair.Id, "repaired") { Actor = "agent" });
        Assert.True(done.Succeeded, done.Message);
        var storedJson = await StoredStateAsync(grain.GetPrimaryKeyString());
        await using (var connection = await ReadModel.Database.OpenAsync())
        await using (var bump = LowCodeDatabase.Command(connection,
            "UPDATE lc_grain_state SET version = version + 1 WHERE grain_id LIKE @id", null, ("@id", "%" + grain.GetPrimaryKeyString())))
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());

        // The next command's write is refused by the ETag check; the grain reloads and decides on what is stored.
        var check = (await grain.Get())!.State.OpenTasks.Single(t => t.NodeId == "qualityCheck");
        var passed = await grain.Apply(new CompleteTask(check.Id, "pass") { Actor = "inspector" });

        Assert.True(passed.Succeeded, passed.Message);
        Assert.True(passed.Value!.State.IsClosed);
        Assert.NotEqual(storedJson, await StoredStateAsync(grain.GetPrimaryKeyString()));
    }

    private async Task<string> StoredStateAsync(string ticketId)
    {
        await using var connection = await ReadModel.Database.OpenAsync();
        await using var read = LowCodeDatabase.Command(connection, "SELECT state FROM lc_grain_state WHERE grain_id LIKE @id", null, ("@id", "%" + ticketId));
        return (string)(await read.ExecuteScalarAsync())!;
    }

    private static async Task<TicketState> Complete(ITicketGrain grain, string node, string action, string? comment = null)
    {
        var state = (await grain.Get())!.State;
        var task = state.OpenTasks.Single(t => t.NodeId == node);
        var outcome = await grain.Apply(new CompleteTask(task.Id, action) { Actor = "agent", Comment = comment });
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!.State;
    }

    [Fact]
    public async Task Repair_ticket_runs_to_closed_and_the_read_model_follows_every_step()
    {
        var (grain, state) = await Open("equipment-repair", Repair);
        Assert.Single(state.OpenTasks, t => t.NodeId == "repair");
        await Complete(grain, "repair", "repaired");
        var closed = await Complete(grain, "qualityCheck", "pass");

        Assert.Equal(TicketStatus.Closed, closed.Status);
        var row = Assert.Single((await ReadModel.ListTicketsAsync(new TicketQuery { Text = closed.TicketId.ToLowerInvariant() })).Items);
        Assert.Equal(("closed", "resolved"), (row.Status, row.Resolution));
        var timeline = await ReadModel.TimelineAsync(closed.TicketId);
        Assert.Equal(["Created", "NotificationSent", "TaskCreated"], timeline.Where(e => e.Kind != "Sla").Take(3).Select(e => e.Kind));
        Assert.Equal(["firstResponse", "resolution"], timeline.Where(e => e.Kind == "Sla").Take(2).Select(e => e.Subject)); // the clocks start with the ticket
        Assert.Contains(timeline, e => e.Kind == "TaskCompleted" && e.Subject == "pass");
        Assert.Equal(closed.Sequence, await ReadModel.ProjectedSequenceAsync(closed.TicketId));
    }

    [Fact]
    public async Task Expense_ticket_goes_through_the_levels_its_total_needs()
    {
        var lines = ImmutableArray.Create<object?>(ImmutableDictionary<string, object?>.Empty.Add("Item", "motor").Add("Amount", 25000m));
        var receipt = await cluster.UploadedAsync(Requester.Id, "invoice.pdf", "application/pdf");
        var (grain, opened) = await Open("expense-approval", ImmutableDictionary<string, object?>.Empty.Add("Department", "Production").Add("Purpose", "spare")
            .Add("StartDate", "2026-02-23").Add("EndDate", "2026-02-25").Add("Lines", lines).Add("Receipts", ImmutableArray.Create<object?>(receipt)));
        Assert.Equal(25000m, opened.Form["Amount"]); // the total, computed by the form
        Assert.Equal(25000m, opened.Vars["total"]);
        for (var level = 0; level < 3; level++) await Complete(grain, "approve", "approve");
        var paid = await Complete(grain, "pay", "paid");
        Assert.Equal("resolved", paid.Resolution);
    }

    [Fact]
    public async Task Invalid_form_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var id = TicketIds.New(TicketCluster.Clock.GetUtcNow());
        var grain = cluster.Grains.GetGrain<ITicketGrain>(id);
        var outcome = await grain.Create(new CreateTicket("equipment-repair", Requester, "u") { Form = Repair.Remove("Asset").SetItem("Site", "Mars").Add("Colour", "red") });

        Assert.Equal(CommandError.InvalidForm, outcome.Error);
        Assert.Equal(["Asset", "Colour", "Site"], outcome.Problems!.Select(p => p.Path!).Order());
        Assert.Equal(["option", "required", "unknown-field"], outcome.Problems!.Select(p => p.Code).Order());
        Assert.Null(await grain.Get());
        Assert.Null(await ReadModel.ProjectedSequenceAsync(id));
    }

    [Fact]
    public async Task Same_idempotency_key_creates_one_ticket_and_one_set_of_effects()
    {
        var id = TicketIds.FromKey("client-a", "order-77");
        var first = await Open("equipment-repair", Repair, id);
        var again = await cluster.Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket("equipment-repair", Requester, Requester.Id) { Form = Repair, Title = "test" });

        Assert.True(again.Succeeded);
        Assert.Equal(first.State.Sequence, again.Value!.State.Sequence);
        var timeline = await ReadModel.TimelineAsync(id);
        Assert.Single(timeline, e => e.Kind == "Created");
        Assert.Single(timeline, e => e.Kind == "TaskCreated");

        var conflict = await cluster.Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket("equipment-repair", Requester, Requester.Id) { Form = Repair.SetItem("Asset", "other") });
        Assert.Equal(CommandError.Conflict, conflict.Error);
    }

    [Fact]
    public async Task Completing_a_task_twice_is_a_conflict_that_changes_nothing()
    {
        var (grain, state) = await Open("equipment-repair", Repair);
        var task = state.OpenTasks.Single();
        Assert.True((await grain.Apply(new CompleteTask(task.Id, "repaired"))).Succeeded);
        var before = (await grain.Get())!.State;

        var twice = await grain.Apply(new CompleteTask(task.Id, "repaired"));
        Assert.Equal(CommandError.Conflict, twice.Error);
        Assert.Equal(before.Sequence, (await grain.Get())!.State.Sequence);
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var (grain, _) = await Open("equipment-repair", Repair);
        var afterRepair = await Complete(grain, "repair", "repaired");

        await cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reloaded = (await grain.Get())!.State;
        Assert.Equal(afterRepair.Sequence, reloaded.Sequence);
        Assert.Single(reloaded.OpenTasks, t => t.NodeId == "qualityCheck");
    }

    [Fact]
    public async Task Escalation_deadlines_fire_on_the_ticket_clock_exactly_once()
    {
        var (grain, state) = await Open("equipment-repair", Repair);
        var shard = cluster.Grains.GetGrain<ITimerShardGrain>(TicketReadModel.ShardOf(state.TicketId));
        Assert.Equal(2, state.Timers.Count(t => t.Purpose == TimerPurpose.Escalation));

        TicketCluster.Clock.Advance(TimeSpan.FromHours(5)); // 14:00 Shanghai: four business hours
        await shard.FireDue();
        var escalated = (await grain.Get())!.State;
        Assert.Equal("P2", escalated.Priority);
        Assert.Single(escalated.Timers, t => t.Purpose == TimerPurpose.Escalation);

        await shard.FireDue(); // SLA thresholds the raised priority has already passed fire now
        var sequence = (await grain.Get())!.State.Sequence;
        await shard.FireDue();
        await grain.FireTimer(state.Timers.Single(t => t.EscalationId == "four-hours").Id); // a repeat changes nothing
        Assert.Equal(sequence, (await grain.Get())!.State.Sequence);
        await Complete(grain, "repair", "repaired");
        var timers = (await grain.Get())!.State.Timers;
        Assert.DoesNotContain(timers, t => t.Purpose == TimerPurpose.Escalation); // the step's deadlines go with the step
        Assert.Equal(["resolution:75"], timers.Select(t => t.EscalationId)); // the ticket's resolution clock runs on
    }

    [Fact]
    public async Task A_step_assigned_by_rule_is_offered_to_the_rules_fallback_team_queue()
    {
        var (grain, _) = await Open("equipment-repair", Repair);
        var state = (await grain.Get())!.State;
        var repair = Assert.Single(state.OpenTasks);
        Assert.Equal([new Runtime.Definitions.Participant(Runtime.Definitions.ParticipantKind.Team, "maintenance")], repair.Candidates.ToArray());

        var queue = await ReadModel.ListTicketsAsync(new TicketQuery { Visibility = new TicketVisibility(null, [], ["maintenance"], []), PageSize = 200 });
        Assert.Contains(queue.Items, row => row.Id == state.TicketId);
        var elsewhere = await ReadModel.ListTicketsAsync(new TicketQuery { Visibility = new TicketVisibility(null, [], ["finance"], []), PageSize = 200 });
        Assert.DoesNotContain(elsewhere.Items, row => row.Id == state.TicketId);
    }
}
