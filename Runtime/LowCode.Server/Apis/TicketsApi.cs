using LowCode.Grains.Attachments;
using LowCode.Grains.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using LowCode.Server.Identity;

namespace LowCode.Server.Apis;

/// <summary>Tickets: open, read, list and search, act on tasks, comment, cancel.</summary>
public static class TicketsApi
{
    private static readonly string[] Priorities = TicketOpening.Priorities;
    private static readonly string[] Statuses = ["open", "closed", "cancelled"];

    public static void MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(Policies.TicketsRead);

        api.MapPost("/", async (HttpRequest request, IGrainFactory grains, TicketClock clock) =>
        {
            var (body, error) = await Problems.ReadBody<CreateTicketRequest>(request);
            if (error is not null) return error;
            if (string.IsNullOrWhiteSpace(body!.Type)) return Problems.Field("type", "Say which ticket type to open (type).");
            if (body.Priority is not null && !Priorities.Contains(body.Priority))
                return Problems.Field("priority", $"Priority must be one of {string.Join(", ", Priorities)}.");
            if (body.Title is { Length: > 200 }) return Problems.Field("title", "The title is longer than 200 characters.");
            if (body.Requester is { } who && (string.IsNullOrWhiteSpace(who.Id) || string.IsNullOrWhiteSpace(who.Name))) return Problems.Field("requester", "A requester needs an id and a name.");

            var caller = Actors.Caller(request.HttpContext);
            var actor = caller.Id;
            var key = request.Headers["Idempotency-Key"].ToString();
            if (key.Length > 200) return Problems.BadRequest("The Idempotency-Key header is longer than 200 characters.");
            var id = key.Length > 0 ? TicketIds.FromKey(actor, key) : TicketIds.New(clock.Now);
            if (body.Requester is not null && !caller.IsClient && !caller.IsStaff)
                return Problems.Field("requester", "Only agents, managers and integrations may open a ticket for someone else.");
            var requester = body.Requester is { } r
                ? new PersonInfo(r.Id, r.Name) { Email = r.Email ?? "", Department = r.Department ?? "", Manager = r.Manager ?? "", Region = r.Region ?? "" }
                : null;
            var outcome = await TicketOpening.OpenAsync(grains, request.HttpContext.RequestServices, caller, id, body.Type, body.Form, body.Title, body.Priority, requester);
            if (!outcome.Succeeded)
                return outcome.Error == CommandError.NotFound ? Problems.Field("type", outcome.Message!) : Problems.From(outcome);
            return Results.Created($"/api/tickets/{id}", await View(outcome.Value!, request.HttpContext));
        })
        .RequireAuthorization(Policies.TicketsWrite)
        .Accepts<CreateTicketRequest>("application/json").Produces<TicketView>(201)
        .WithName("CreateTicket").WithSummary("Opens a ticket of a published type. Send an Idempotency-Key header to make retries safe.");

        api.MapGet("/{id}", async (string id, HttpContext context, IGrainFactory grains) =>
            await Visible(id, grains, context) is { } snapshot
                ? Results.Ok(await View(snapshot, context))
                : Problems.NotFound($"Ticket {id} does not exist."))
            .Produces<TicketView>().WithName("GetTicket").WithSummary("A ticket with its tasks, assignees, deadlines and timeline.");

        api.MapGet("/", async (string? status, string? type, string? assignee, string? requester, string? q, int? page, int? pageSize,
            HttpContext context, TicketReadModel readModel, CancellationToken ct) =>
        {
            if (page is < 1) return Problems.BadRequest("page starts at 1.", "page");
            if (pageSize is < 1 or > 200) return Problems.BadRequest("pageSize must be between 1 and 200.", "pageSize");
            if (status is not null && !Statuses.Contains(status)) return Problems.BadRequest($"status must be one of {string.Join(", ", Statuses)}.", "status");
            return Results.Ok(await readModel.ListTicketsAsync(new TicketQuery
            {
                Status = status, Type = type, Assignee = assignee, Requester = requester, Text = q, Page = page ?? 1, PageSize = pageSize ?? 25,
                Visibility = TicketAccess.Visibility(Actors.Caller(context)),
            }, ct));
        })
        .Produces<TicketPage>().WithName("ListTickets").WithSummary("Lists and searches tickets from the read model, newest first, a page at a time.");

        api.MapPost("/{id}/tasks/{taskId}/complete", async (string id, string taskId, HttpRequest request, IGrainFactory grains) =>
        {
            var (body, error) = await Problems.ReadBody<CompleteTaskRequest>(request);
            if (error is not null) return error;
            if (string.IsNullOrWhiteSpace(body!.Action)) return Problems.Field("action", "Say which action to take (action).");
            return await Act(id, grains, request.HttpContext,
                new CompleteTask(taskId, body.Action) { Data = body.Data, Comment = body.Comment, Actor = Actors.Current(request.HttpContext) });
        })
        .RequireAuthorization(Policies.TicketsWrite).Accepts<CompleteTaskRequest>("application/json").Produces<TicketView>()
        .WithName("CompleteTask").WithSummary("Completes a task with one of its actions (409 if it was already completed).");

        api.MapPost("/{id}/tasks/{taskId}/assign", async (string id, string taskId, HttpRequest request, IGrainFactory grains) =>
        {
            var (body, error) = await Problems.ReadBody<AssignTaskRequest>(request);
            if (error is not null) return error;
            var caller = Actors.Caller(request.HttpContext);
            var assignee = string.IsNullOrWhiteSpace(body!.Assignee) ? null : body.Assignee.Trim();
            var change = assignee is null ? TaskAssignmentApi.Change.Release
                : !caller.IsClient && assignee == caller.Id ? TaskAssignmentApi.Change.Claim : TaskAssignmentApi.Change.Reassign;
            return await TaskAssignmentApi.AssignAsync(id, taskId, change, assignee, body.Reason, request.HttpContext);
        })
        .RequireAuthorization(Policies.TicketsWrite).Accepts<AssignTaskRequest>("application/json").Produces<TicketView>()
        .WithName("AssignTask").WithSummary("Claims (yourself), releases (assignee null) or reassigns a task — the same rules as claim, release and reassign.");

        api.MapPost("/{id}/comments", async (string id, HttpRequest request, IGrainFactory grains, TicketClock clock) =>
        {
            var (body, error) = await Problems.ReadBody<CommentRequest>(request);
            if (error is not null) return error;
            if (string.IsNullOrWhiteSpace(body!.Text)) return Problems.Field("text", "A comment needs text.");
            if (body.Text.Length > 10_000) return Problems.Field("text", "A comment is limited to 10,000 characters.");
            var caller = Actors.Caller(request.HttpContext);
            if (await Visible(id, grains, request.HttpContext) is null) return Problems.NotFound($"Ticket {id} does not exist.");
            if (body.Internal && !TicketAccess.CanWriteInternal(caller))
                return Results.Problem(statusCode: 403, title: "Forbidden", detail: "Only staff may write internal comments.");
            var outcome = await grains.GetGrain<ITicketGrain>(id).Comment(new TicketComment(caller.Id, body.Text, body.Internal, clock.Now));
            return outcome.Succeeded ? Results.Created($"/api/tickets/{id}", await View(outcome.Value!, request.HttpContext)) : Problems.From(outcome);
        })
        .RequireAuthorization(Policies.TicketsWrite).Accepts<CommentRequest>("application/json").Produces<TicketView>(201)
        .WithName("AddComment").WithSummary("Adds a public or internal comment to the timeline.");

        api.MapPost("/{id}/cancel", async (string id, HttpRequest request, IGrainFactory grains) =>
        {
            var reason = "cancelled by request";
            if (request.ContentLength > 0)
            {
                var (body, error) = await Problems.ReadBody<CancelRequest>(request);
                if (error is not null) return error;
                reason = string.IsNullOrWhiteSpace(body!.Reason) ? reason : body.Reason;
            }
            return await Act(id, grains, request.HttpContext, new CancelTicket(reason) { Actor = Actors.Current(request.HttpContext) });
        })
        .RequireAuthorization(Policies.TicketsWrite).Accepts<CancelRequest>("application/json").Produces<TicketView>()
        .WithName("CancelTicket").WithSummary("Cancels an open ticket and withdraws its open tasks (409 when already closed).");

        api.MapPost("/{id}/incidents/{incidentId}/retry", async (string id, string incidentId, HttpContext context, IGrainFactory grains) =>
            await Act(id, grains, context, new RetryIncident(incidentId) { Actor = Actors.Current(context) }))
            .RequireAuthorization(Policies.TicketsWrite).Produces<TicketView>().WithName("RetryIncident").WithSummary("Runs a failed step again after its cause was fixed.");
    }

    private static async Task<IResult> Act(string id, IGrainFactory grains, HttpContext context, WorkflowInput input)
    {
        if (await Visible(id, grains, context) is not { } snapshot) return Problems.NotFound($"Ticket {id} does not exist.");
        var caller = Actors.Caller(context);
        var state = snapshot.State;
        var allowed = input switch
        {
            CompleteTask c => state.FindTask(c.TaskId) is not { } task || TicketAccess.CanWork(caller, state, task),
            CancelTicket => TicketAccess.CanCancel(caller, state),
            _ => caller.IsClient || caller.IsStaff,
        };
        if (!allowed) return Results.Problem(statusCode: 403, title: "Forbidden", detail: "You may see this ticket but not do that.");
        var outcome = await grains.GetGrain<ITicketGrain>(id).Apply(input);
        return outcome.Succeeded ? Results.Ok(await View(outcome.Value!, context)) : Problems.From(outcome);
    }

    /// <summary>The ticket when it exists and the caller may see it; otherwise null (reported as 404, never 403, so existence does not leak).</summary>
    internal static async Task<TicketSnapshot?> Visible(string id, IGrainFactory grains, HttpContext context)
    {
        if (!TicketIds.IsValid(id)) return null;
        var snapshot = await grains.GetGrain<ITicketGrain>(id).Get();
        return snapshot is not null && TicketAccess.CanSee(Actors.Caller(context), snapshot.State) ? snapshot : null;
    }

    internal static async Task<TicketView> View(TicketSnapshot snapshot, HttpContext context)
    {
        var readModel = context.RequestServices.GetRequiredService<TicketReadModel>();
        var timeline = await readModel.TimelineAsync(snapshot.State.TicketId, context.RequestAborted);
        var attachments = await context.RequestServices.GetRequiredService<AttachmentCatalog>().OfTicketAsync(snapshot.State.TicketId, context.RequestAborted);
        if (!TicketAccess.SeesInternal(Actors.Caller(context)))
            timeline = timeline.Where(e => !(e.Kind == nameof(TimelineKind.Comment) && e.Subject == "internal")).ToList();
        return TicketView.From(snapshot.State, timeline, attachments);
    }
}
