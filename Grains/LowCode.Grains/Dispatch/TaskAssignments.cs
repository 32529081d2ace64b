using System.Collections.Immutable;
using LowCode.Grains.Agents;
using LowCode.Grains.Organisation;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using Microsoft.Extensions.Logging;
using TaskStatus = LowCode.Runtime.Execution.TaskStatus;

namespace LowCode.Grains.Dispatch;

/// <summary>What a transition becomes once its tasks are assigned: the final result to store, the holds to store with it.</summary>
public sealed record AssignedTransition(EngineResult Result, IReadOnlyList<CapacityHold> Holds, IReadOnlyList<CapacityHold> Reserved)
{
    /// <summary>Set when a hand assignment is refused (the person is full or unavailable): nothing is stored.</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// Assignment as part of a ticket's transition, before the one write that stores it:
/// <list type="bullet">
/// <item>tasks the engine just opened with a dispatch rule are dispatched; approvals to the requester's
/// manager or department head are resolved — each decision applied to the state by the engine
/// (<see cref="DispatchTask"/>) so it is stored in the same write as the step that opened the task;</item>
/// <item>a claim or reassignment by hand reserves the person's capacity first, and is refused when they
/// are full or unavailable; a release offers a rule's task back to the rule's queue.</item>
/// </list>
/// After the write, <see cref="SettleAsync"/> releases capacity held for tasks that closed or moved.
/// </summary>
public sealed class TaskAssignments(Dispatcher dispatcher, OrgRelations relations, OrgDirectory org, AgentLoadBoard board, IGrainFactory grains,
    ILogger<TaskAssignments> log)
{
    public async Task<AssignedTransition> PrepareAsync(CompiledTicketType compiled, WorkflowInput input, EngineResult result,
        IReadOnlyList<CapacityHold> holds, DateTimeOffset now)
    {
        var state = result.State;
        var effects = new List<WorkflowEffect>(result.Effects);
        var held = holds.ToList();
        var reserved = new List<CapacityHold>();
        try
        {
            void Apply(DispatchDecision decision)
            {
                var next = WorkflowEngine.Apply(compiled.Plan, state, decision.ToInput(now));
                state = next.State;
                effects.AddRange(next.Effects);
                if (decision.Hold is { } agent) held.Add(new CapacityHold(decision.TaskId, agent));
            }

            if (input is AssignTask assign && state.FindTask(assign.TaskId) is { Status: TaskStatus.Open } assigned)
            {
                var hold = assigned.Assignee is { } person ? new CapacityHold(assigned.Id, person) : null;
                if (hold is not null && !held.Contains(hold))
                {
                    var (refusal, nowHeld) = await ReserveByHandAsync(state, assigned, hold.AgentId);
                    if (refusal is not null) return new AssignedTransition(result, holds, []) { Refusal = refusal };
                    if (nowHeld) { held.Add(hold); reserved.Add(hold); }
                }
                else if (hold is null && assigned.Candidates.IsEmpty && assigned.Assignment.Rule is not null
                    && await dispatcher.BackToQueueAsync(compiled, assigned, assign.Actor) is { } queued)
                    Apply(queued);
            }

            foreach (var created in result.Effects.OfType<CreateTaskEffect>())
            {
                if (state.FindTask(created.Task.Id) is not { Status: TaskStatus.Open, Assignee: null } task) continue;
                var decision = task.Assignment.Rule is not null && task.Candidates.IsEmpty
                    ? await dispatcher.DispatchAsync(compiled, state, task, now)
                    : await relations.ResolveAsync(state, task, now);
                if (decision is null) continue;
                if (decision.Hold is { } agent) reserved.Add(new CapacityHold(decision.TaskId, agent));
                Apply(decision);
            }

            // People the flow names itself — a step assigned to a user, an escalation reassigning to one — hold capacity
            // as a dispatched agent does; when they cannot, their delegate takes the task or it waits offered to them.
            var named = result.Effects.OfType<CreateTaskEffect>().Select(c => (c.Task.Id, How: "step"))
                .Concat(result.Effects.OfType<ReassignTaskEffect>().Where(r => r.To.Kind == ParticipantKind.User).Select(r => (Id: r.TaskId, How: "escalation")));
            foreach (var (taskId, how) in named)
            {
                if (state.FindTask(taskId) is not { Status: TaskStatus.Open, Assignee: { } person } task || held.Contains(new CapacityHold(taskId, person))) continue;
                if (how == "step" && task.Assignment.To is not { Kind: ParticipantKind.User }) continue; // dispatched or resolved above
                var (hold, decision) = await HoldForPersonAsync(state, task, person, how);
                if (hold is not null) { held.Add(hold); reserved.Add(hold); }
                if (decision is null) continue;
                if (decision.Hold is { } agent) reserved.Add(new CapacityHold(decision.TaskId, agent));
                Apply(decision);
            }
            return new AssignedTransition(new EngineResult(state, effects), held, reserved);
        }
        catch
        {
            await ReleaseAsync(state.TicketId, reserved);
            throw;
        }
    }

    /// <summary>
    /// Reserves the named person's capacity for the task, with dispatch's semantics: the new hold when they took it (none
    /// when they are not an agent); otherwise a decision — their delegate (out of office), or the task taken from them and
    /// offered to them to claim once they have room (full, off duty).
    /// </summary>
    private async Task<(CapacityHold? Hold, DispatchDecision? Decision)> HoldForPersonAsync(TicketState state, TaskState task, string person, string how)
    {
        var snapshot = await org.CurrentAsync();
        async Task<Reservation> Reserve(string who)
        {
            var answer = await grains.GetGrain<IAgentGrain>(who).TryReserve(Dispatcher.TaskRef(state.TicketId, task.Id), snapshot.Agents.GetValueOrDefault(who)?.WeightOf(state.Priority) ?? 1);
            if (answer.Outcome != ReservationOutcome.NotAnAgent) board.Observe(who, answer.Load);
            return answer;
        }
        string Name(string who) => snapshot.Agents.GetValueOrDefault(who)?.Name is { Length: > 0 } name ? name : who;

        var answer = await Reserve(person);
        if (answer.Holds) return (new CapacityHold(task.Id, person), null);
        if (answer.Outcome == ReservationOutcome.NotAnAgent) return (null, null);
        var record = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        (record["assignment"], record["person"], record["reservation"]) = (how, person, answer.Reason);
        if (answer.Delegate is { Length: > 0 } stand && stand != person)
        {
            var standing = await Reserve(stand);
            record["delegate"] = stand;
            record["delegateReservation"] = standing.Holds ? "reserved" : standing.Reason;
            if (standing.Holds || standing.Outcome == ReservationOutcome.NotAnAgent)
            {
                record["outcome"] = "delegated";
                return (null, new DispatchDecision(task.Id, $"{task.Name} → {Name(stand)}: {Name(person)} is {answer.Reason}; their delegate takes it", record.ToImmutable())
                    { Assignee = stand, Hold = standing.Holds ? stand : null });
            }
        }
        record["outcome"] = "offered";
        return (null, new DispatchDecision(task.Id, $"{task.Name} offered to {Name(person)}: they cannot take it now ({answer.Reason}); they may claim it once they can", record.ToImmutable())
            { Unassign = true, Offer = [new Participant(ParticipantKind.User, person)] });
    }

    /// <summary>Reserves capacity for a claim or reassignment: the refusal in words (null when the person may take it), and whether capacity is now held.</summary>
    private async Task<(string? Refusal, bool Holds)> ReserveByHandAsync(TicketState state, TaskState task, string person)
    {
        var snapshot = await org.CurrentAsync();
        var profile = snapshot.Agents.GetValueOrDefault(person);
        var answer = await grains.GetGrain<IAgentGrain>(person).TryReserve(Dispatcher.TaskRef(state.TicketId, task.Id), profile?.WeightOf(state.Priority) ?? 1);
        if (answer.Outcome != ReservationOutcome.NotAnAgent) board.Observe(person, answer.Load);
        if (answer.Holds || answer.Outcome == ReservationOutcome.NotAnAgent) return (null, answer.Holds);
        var name = profile?.Name ?? person;
        var stand = answer.Delegate is { Length: > 0 } d ? $"; their delegate is {snapshot.Agents.GetValueOrDefault(d)?.Name ?? d}" : "";
        return ($"{name} cannot take '{task.Name}': {answer.Reason}{stand}.", false);
    }

    /// <summary>After the write: lets go of capacity held for tasks that closed or now belong to someone else. Returns the holds still valid.</summary>
    public async Task<List<CapacityHold>> SettleAsync(TicketState state, IReadOnlyList<CapacityHold> holds)
    {
        var keep = new List<CapacityHold>(holds.Count);
        foreach (var hold in holds)
        {
            if (state.FindTask(hold.TaskId) is { Status: TaskStatus.Open } task && task.Assignee == hold.AgentId) { keep.Add(hold); continue; }
            try
            {
                var workload = await grains.GetGrain<IAgentGrain>(hold.AgentId).Release(Dispatcher.TaskRef(state.TicketId, hold.TaskId));
                board.Observe(hold.AgentId, workload.Load);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Capacity of {Agent} for {Ticket}/{Task} not released yet; retried later", hold.AgentId, state.TicketId, hold.TaskId);
                keep.Add(hold);
            }
        }
        return keep;
    }

    /// <summary>Undoes reservations of a transition that was not stored.</summary>
    public async Task ReleaseAsync(string ticketId, IReadOnlyList<CapacityHold> reserved)
    {
        foreach (var hold in reserved)
        {
            try
            {
                board.Observe(hold.AgentId, (await grains.GetGrain<IAgentGrain>(hold.AgentId).Release(Dispatcher.TaskRef(ticketId, hold.TaskId))).Load);
            }
            catch (Exception e)
            {
                log.LogError(e, "Reservation of {Agent} for {Ticket}/{Task} could not be undone", hold.AgentId, ticketId, hold.TaskId);
            }
        }
    }
}
