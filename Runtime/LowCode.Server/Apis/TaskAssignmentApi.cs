using LowCode.Grains.Contracts;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Identity;

namespace LowCode.Server.Apis;

/// <summary>
/// Taking and handing on work by hand, each change audited on the ticket's timeline and within the
/// person's capacity (409 when they are full, off duty or out of office):
/// <list type="bullet">
/// <item>claim: a person who may work the task takes it, if nobody has it;</item>
/// <item>release: the assignee (or a manager) gives it back to the queue;</item>
/// <item>reassign: a manager, administrator or integration (or the assignee, handing over) gives it to another member of staff.</item>
/// </list>
/// </summary>
public static class TaskAssignmentApi
{
    public enum Change { Claim, Release, Reassign }

    public static void MapTaskAssignmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets/{id}/tasks/{taskId}").WithTags("Tickets").RequireAuthorization(Policies.TicketsWrite);

        api.MapPost("/claim", async (string id, string taskId, HttpRequest request) =>
            await WithReason(request, reason => AssignAsync(id, taskId, Change.Claim, null, reason, request.HttpContext)))
            .Accepts<AssignmentReasonRequest>("application/json").Produces<TicketView>()
            .WithName("ClaimTask").WithSummary("The caller takes an unassigned task they may work (409 when someone has it or the caller is at capacity).");

        api.MapPost("/release", async (string id, string taskId, HttpRequest request) =>
            await WithReason(request, reason => AssignAsync(id, taskId, Change.Release, null, reason, request.HttpContext)))
            .Accepts<AssignmentReasonRequest>("application/json").Produces<TicketView>()
            .WithName("ReleaseTask").WithSummary("Gives a task back to its queue (the assignee, a manager or an administrator).");

        api.MapPost("/reassign", async (string id, string taskId, HttpRequest request) =>
        {
            var (body, error) = await Problems.ReadBody<ReassignTaskRequest>(request);
            if (error is not null) return error;
            if (string.IsNullOrWhiteSpace(body!.Assignee)) return Problems.Field("assignee", "Say who should take the task (assignee: a user id).");
            return await AssignAsync(id, taskId, Change.Reassign, body.Assignee.Trim(), body.Reason, request.HttpContext);
        })
        .Accepts<ReassignTaskRequest>("application/json").Produces<TicketView>()
        .WithName("ReassignTask").WithSummary("Gives a task to another member of staff, within their capacity (managers, administrators, integrations, or the assignee handing over).");
    }

    /// <summary>Claims, releases or reassigns after checking who may, then lets the ticket (and the agents' capacity) decide.</summary>
    public static async Task<IResult> AssignAsync(string id, string taskId, Change change, string? assignee, string? reason, HttpContext context)
    {
        var (outcome, refusal) = await DecideAsync(context.RequestServices, Actors.Caller(context), id, taskId, change, assignee, reason);
        return refusal switch
        {
            { Field: { } field } => Problems.Field(field, refusal.Detail),
            { Status: 404 } => Problems.NotFound(refusal.Detail),
            { Status: 403 } => Results.Problem(statusCode: 403, title: "Forbidden", detail: refusal.Detail),
            { } => Results.Problem(statusCode: 409, title: "Conflict", detail: refusal.Detail),
            _ when outcome!.Succeeded => Results.Ok(await TicketsApi.View(outcome.Value!, context)),
            _ => Problems.From(outcome),
        };
    }

    /// <summary>The rule behind claim, release and reassign, for the API and the ticket page alike: a refusal, or the ticket's answer.</summary>
    public static async Task<(CommandOutcome<TicketSnapshot>? Outcome, AssignmentRefusal? Refusal)> DecideAsync(IServiceProvider services, Caller caller,
        string id, string taskId, Change change, string? assignee, string? reason)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var snapshot = TicketIds.IsValid(id) ? await grains.GetGrain<ITicketGrain>(id).Get() : null;
        if (snapshot is null || !TicketAccess.CanSee(caller, snapshot.State)) return (null, new(404, $"Ticket {id} does not exist."));
        var state = snapshot.State;
        if (state.FindTask(taskId) is not { } task) return (null, new(404, $"Ticket {id} has no task '{taskId}'."));
        var manages = Manages(caller, state);
        switch (change)
        {
            case Change.Claim:
                if (caller.IsClient) return (null, new(403, "Only people claim tasks; integrations reassign them."));
                if (!TicketAccess.CanWork(caller, state, task)) return (null, new(403, "This task is not queued for you."));
                if (task.Assignee is { } holder && holder != caller.Id) return (null, new(409, $"'{task.Name}' is already assigned to {holder}; a manager can reassign it."));
                assignee = caller.Id;
                break;
            case Change.Release:
                if (task.Assignee != caller.Id && !manages) return (null, new(403, "Only the assignee, a manager or an administrator releases a task."));
                if (task.Assignee is null) return (null, new(409, $"'{task.Name}' is not assigned to anyone."));
                assignee = null;
                break;
            default:
                if (task.Assignee != caller.Id && !manages) return (null, new(403, "Only managers, administrators, integrations and the assignee reassign a task."));
                if (await StaffProblemAsync(assignee!, services) is { } problem) return (null, new(400, problem, "assignee"));
                break;
        }
        return (await grains.GetGrain<ITicketGrain>(id).Apply(new AssignTask(taskId, assignee) { Reason = reason, Actor = caller.Id }), null);
    }

    /// <summary>Managers who see the ticket, administrators and integrations with write access hand work on.</summary>
    public static bool Manages(Caller caller, TicketState state) =>
        caller.IsClient ? caller.Scopes.Contains(Scopes.TicketsWrite) : caller.IsAdministrator || (caller.Has(Roles.Manager) && TicketAccess.CanSee(caller, state));

    /// <summary>Work goes to staff: someone who exists and is an agent, manager or administrator.</summary>
    private static async Task<string?> StaffProblemAsync(string person, IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<LowCodeUser>>();
        if (await users.FindByIdAsync(person) is not { } user) return $"There is no person '{person}'.";
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => r is Roles.Agent or Roles.Manager or Roles.Administrator) ? null : $"{user.DisplayName} is not an agent, manager or administrator.";
    }

    private static async Task<IResult> WithReason(HttpRequest request, Func<string?, Task<IResult>> act)
    {
        if (request.ContentLength is null or 0) return await act(null);
        var (body, error) = await Problems.ReadBody<AssignmentReasonRequest>(request);
        return error ?? await act(string.IsNullOrWhiteSpace(body!.Reason) ? null : body.Reason.Trim());
    }
}

/// <summary>Why a claim, release or reassignment was refused before the ticket saw it: 403, 404 or 409, or 400 for a bad field.</summary>
public sealed record AssignmentRefusal(int Status, string Detail, string? Field = null);
