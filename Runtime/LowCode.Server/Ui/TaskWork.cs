using System.Collections.Immutable;
using System.Security.Claims;
using LowCode.Designer.Tickets;
using LowCode.Forms.Validation;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
using LowCode.Grains.Tickets;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Execution;
using LowCode.Server.Apis;
using LowCode.Server.Identity;

namespace LowCode.Server.Ui;

/// <summary>
/// The ticket page's task work through the API's paths: <see cref="TicketAccess"/> decides who may, the ticket grain
/// completes (validating the step's task form with the same <see cref="FormValidator"/>), and claim and release
/// follow <see cref="TaskAssignmentApi"/>'s rule.
/// </summary>
public sealed class TaskWork(IGrainFactory grains, PlanCache plans, TicketClock clock, IServiceProvider services) : ITaskWork
{
    public async Task<TaskWorkView?> OpenAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default)
    {
        var caller = Caller.From(user);
        if (await VisibleAsync(caller, ticketId) is not { } ticket || ticket.FindTask(taskId) is not { Status: Runtime.Execution.TaskStatus.Open } task) return null;
        var compiled = await plans.GetAsync(ticket.TicketType, ticket.Version);
        var canWork = !caller.IsClient && TicketAccess.CanWork(caller, ticket, task);
        var actions = TicketForms.ActionsOf(compiled, task).Select(a => new TaskActionChoice(a.Key, a.Label, a.RequiresComment)).ToList();
        return new TaskWorkView(ticket.TicketId, task.Id, task.Name, task.Assignee, TicketForms.TaskFormOf(compiled, task), TicketForms.Context(ticket, clock.Now), actions)
        {
            CanComplete = canWork,
            CanClaim = canWork && task.Assignee is null,
            CanRelease = task.Assignee is not null && (task.Assignee == caller.Id || TaskAssignmentApi.Manages(caller, ticket)),
            IsMine = task.Assignee == caller.Id,
        };
    }

    public async Task<TaskWorkOutcome> CompleteAsync(ClaimsPrincipal user, string ticketId, string taskId, string action,
        ImmutableDictionary<string, object?> data, string? comment, CancellationToken ct = default)
    {
        var caller = Caller.From(user);
        if (caller.Id.Length == 0 || caller.IsClient) return TaskWorkOutcome.Refused("Sign in to work on tasks.");
        if (string.IsNullOrWhiteSpace(action)) return TaskWorkOutcome.Refused("Choose an action.");
        if (await VisibleAsync(caller, ticketId) is not { } ticket) return TaskWorkOutcome.Refused($"Ticket {ticketId} does not exist.");
        if (ticket.FindTask(taskId) is { } task && !TicketAccess.CanWork(caller, ticket, task)) return TaskWorkOutcome.Refused("You may see this ticket but not do that.");
        var outcome = await grains.GetGrain<ITicketGrain>(ticketId).Apply(new CompleteTask(taskId, action)
        {
            Data = data, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), Actor = caller.Id,
        });
        return From(outcome);
    }

    public Task<TaskWorkOutcome> ClaimAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default) =>
        AssignAsync(user, ticketId, taskId, TaskAssignmentApi.Change.Claim);

    public Task<TaskWorkOutcome> ReleaseAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default) =>
        AssignAsync(user, ticketId, taskId, TaskAssignmentApi.Change.Release);

    private async Task<TaskWorkOutcome> AssignAsync(ClaimsPrincipal user, string ticketId, string taskId, TaskAssignmentApi.Change change)
    {
        var caller = Caller.From(user);
        if (caller.Id.Length == 0) return TaskWorkOutcome.Refused("Sign in to work on tasks.");
        var (outcome, refusal) = await TaskAssignmentApi.DecideAsync(services, caller, ticketId, taskId, change, null, null);
        return refusal is not null ? TaskWorkOutcome.Refused(refusal.Detail) : From(outcome!);
    }

    private async Task<TicketState?> VisibleAsync(Caller caller, string ticketId)
    {
        var snapshot = TicketIds.IsValid(ticketId) ? await grains.GetGrain<ITicketGrain>(ticketId).Get() : null;
        return snapshot is not null && TicketAccess.CanSee(caller, snapshot.State) ? snapshot.State : null;
    }

    private static TaskWorkOutcome From(CommandOutcome<TicketSnapshot> outcome) => outcome.Succeeded
        ? TaskWorkOutcome.Done
        : new TaskWorkOutcome(false, outcome.Message ?? "The task could not be completed.",
            outcome.Error == CommandError.InvalidForm ? (outcome.Problems ?? []).Select(p => new FormProblem(p.Path ?? "", p.Code, p.Message)).ToList() : []);
}
