using LowCode.Grains.Hosting;
using System.Text.Json;
using LowCode.Forms.Validation;
using LowCode.Grains.Attachments;
using LowCode.Grains.Contracts;
using LowCode.Grains.Dispatch;
using LowCode.Grains.Effects;
using LowCode.Grains.Submissions;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Json;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace LowCode.Grains.Tickets;

/// <summary>
/// A ticket as a grain. Every command: run the engine, store state, outbox and read-model projection in one
/// transaction (only then is the caller answered), then perform the rest of the outbox. A crash after the write leaves the outbox
/// stored, and it is performed again when the grain next activates; effects are idempotent.
/// Tasks a transition opens are assigned before that write (<see cref="TaskAssignments"/>), so the
/// dispatch decision is stored with the step that created the task.
/// </summary>
public sealed class TicketGrain(
    [PersistentState("ticket", "tickets")] IPersistentState<TicketGrainState> state,
    PlanCache plans, EffectRunner effects, TaskAssignments assignments, TicketClock clock, FormSubmissions forms, AttachmentCatalog attachments, ILogger<TicketGrain> log) : Grain, ITicketGrain
{
    private TicketGrainState S => state.State;
    private string Id => this.GetPrimaryKeyString();
    private IGrainTimer? _retry;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        if (S.Ticket is not null && S.Outbox.Count > 0) await PerformOutbox();
        if (S.Ticket is not null && S.Holds.Count > 0) S.Holds = await assignments.SettleAsync(S.Ticket, S.Holds);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        // Forget performed effects durably so the next activation does not repeat them.
        if (S.Ticket is not null && S.Outbox.Count == 0 && state.RecordExists) await state.WriteStateAsync(ct);
    }

    public Task<CommandOutcome<TicketSnapshot>> Create(CreateTicket command) => WithFreshState(() => CreateOnce(command));

    public Task<CommandOutcome<TicketSnapshot>> Apply(WorkflowInput input) => WithFreshState(() => ApplyOnce(input));

    public Task<CommandOutcome<TicketSnapshot>> Comment(TicketComment comment) => WithFreshState(() => CommentOnce(comment));

    /// <summary>
    /// Runs a command; when its write is refused because another activation of this ticket wrote since this one read
    /// (two can briefly coexist while a cluster changes membership), reloads the stored state and decides again, once.
    /// </summary>
    private async Task<CommandOutcome<TicketSnapshot>> WithFreshState(Func<Task<CommandOutcome<TicketSnapshot>>> command)
    {
        try
        {
            return await command();
        }
        catch (InconsistentStateException e)
        {
            log.LogInformation("Ticket {Ticket} was written elsewhere since it was read ({Reason}); deciding again on the stored state", Id, e.Message);
            await state.ReadStateAsync();
            return await command();
        }
    }

    private async Task<CommandOutcome<TicketSnapshot>> CreateOnce(CreateTicket command)
    {
        var fingerprint = $"{command.TicketType}|{JsonSerializer.Serialize(command.Form, LowCodeJson.Options)}";
        if (S.Ticket is not null)
            return S.CreatedFrom == fingerprint
                ? CommandOutcome<TicketSnapshot>.Ok(Snapshot())
                : CommandOutcome<TicketSnapshot>.Fail(CommandError.Conflict, $"Ticket {Id} already exists with different content (idempotency key reused).");

        var latest = await GrainFactory.GetGrain<ITicketTypeGrain>(command.TicketType).GetLatest();
        if (latest is null)
            return CommandOutcome<TicketSnapshot>.Fail(CommandError.NotFound, $"Ticket type '{command.TicketType}' has no published version.");
        var compiled = await plans.GetAsync(command.TicketType, latest.Version);
        var submission = await forms.CheckAsync(compiled.Definition.Form ?? new(), command.Form,
            new FormValidationContext
            {
                Now = clock.Now, Requester = command.Requester,
                Ticket = new Runtime.Expressions.Context.TicketInfo(Id, command.TicketType, command.Priority, "open", command.Title ?? "", clock.Now),
            }, command.Actor, Id);
        if (!submission.IsValid) return FormRefused("The form", submission);
        var plan = compiled.Plan;
        var input = new StartTicket(submission.CleanData) // only what the form keeps: visible fields, defaults, recomputed values
        {
            At = clock.Now,
            Actor = command.Actor,
            Requester = command.Requester,
            Title = string.IsNullOrWhiteSpace(command.Title) ? latest.Definition.Name : command.Title.Trim(),
            Priority = command.Priority,
        };
        EngineResult result;
        try
        {
            result = WorkflowEngine.Start(plan, Id, input);
        }
        catch (EngineException e)
        {
            return Refused(e);
        }
        if (await LinkAttachments(submission, command.Actor) is { } linkRefused) return linkRefused;
        S.CreatedFrom = fingerprint;
        S.Parent = command.Parent;
        return await Commit(AttachmentTimeline.With(result, Id, submission.NewAttachments, command.Actor, clock.Now, null), compiled, input);
    }

    private async Task<CommandOutcome<TicketSnapshot>> ApplyOnce(WorkflowInput input)
    {
        if (S.Ticket is null) return CommandOutcome<TicketSnapshot>.Fail(CommandError.NotFound, $"Ticket {Id} does not exist.");
        var compiled = await plans.GetAsync(S.Ticket.TicketType, S.Ticket.Version);
        FormSubmission? submission = null;
        if (input is CompleteTask complete && S.Ticket.FindTask(complete.TaskId) is { } task)
        {
            submission = await forms.CheckAsync(TicketForms.TaskFormOf(compiled, task), complete.Data, TicketForms.Context(S.Ticket, clock.Now), input.Actor, Id);
            if (!submission.IsValid) return FormRefused("The task form", submission);
            input = complete with { Data = submission.CleanData };
        }
        var plan = compiled.Plan;
        EngineResult result;
        input = input with { At = clock.Now };
        try
        {
            result = WorkflowEngine.Apply(plan, S.Ticket, input);
        }
        catch (EngineException e)
        {
            return Refused(e);
        }
        if (result.Effects.Count == 0 && result.State.Timers.Length == S.Ticket.Timers.Length && result.State.Tasks.SequenceEqual(S.Ticket.Tasks))
            return CommandOutcome<TicketSnapshot>.Ok(Snapshot()); // nothing changed (stale timer, duplicate response)
        if (submission is not null)
        {
            if (await LinkAttachments(submission, input.Actor) is { } linkRefused) return linkRefused;
            result = AttachmentTimeline.With(result, Id, submission.NewAttachments, input.Actor, clock.Now, ((CompleteTask)input).TaskId);
        }
        return await Commit(result, compiled, input);
    }

    private async Task<CommandOutcome<TicketSnapshot>> CommentOnce(TicketComment comment)
    {
        if (S.Ticket is null) return CommandOutcome<TicketSnapshot>.Fail(CommandError.NotFound, $"Ticket {Id} does not exist.");
        if (string.IsNullOrWhiteSpace(comment.Text))
            return CommandOutcome<TicketSnapshot>.Fail(CommandError.Invalid, "A comment needs text.");
        var entry = new TimelineEntry(TimelineKind.Comment, clock.Now, comment.Actor, comment.Text.Trim())
        {
            Subject = comment.Internal ? "internal" : "public",
        };
        var ticket = S.Ticket;
        IReadOnlyList<WorkflowEffect> effects = [];
        if (!comment.Internal && IsResponse(ticket, comment.Actor))
        {
            // Staff answering the requester in public: the first-response clock stops, in the same write as the comment.
            var compiled = await plans.GetAsync(ticket.TicketType, ticket.Version);
            var answered = WorkflowEngine.Apply(compiled.Plan, ticket, new RecordResponse { At = clock.Now, Actor = comment.Actor });
            (ticket, effects) = (answered.State, answered.Effects);
        }
        var sequence = ticket.Sequence + 1;
        return await Commit(new EngineResult(ticket with { Sequence = sequence }, [.. effects, new TimelineEffect(Id, sequence, entry)]));
    }

    private static bool IsResponse(TicketState ticket, string actor) =>
        !ticket.IsClosed && actor != ticket.Requester.Id && ticket.Sla.Any(c => c.Kind == Runtime.Definitions.SlaClockKind.FirstResponse && c.IsActive);

    public Task<TicketSnapshot?> Get() => Task.FromResult(S.Ticket is null ? null : Snapshot());

    public async Task FireTimer(string timerId)
    {
        if (S.Ticket is null || S.Ticket.Timers.All(t => t.Id != timerId)) return;
        var outcome = await Apply(new TimerFired(timerId));
        if (!outcome.Succeeded) log.LogWarning("Timer {Timer} on {Ticket} refused: {Message}", timerId, Id, outcome.Message);
    }

    private async Task<CommandOutcome<TicketSnapshot>> Commit(EngineResult result, CompiledTicketType? compiled = null, WorkflowInput? input = null)
    {
        IReadOnlyList<CapacityHold> reserved = [];
        if (compiled is not null && input is not null)
        {
            var assigned = await assignments.PrepareAsync(compiled, input, result, S.Holds, clock.Now);
            if (assigned.Refusal is { } refusal) return CommandOutcome<TicketSnapshot>.Fail(CommandError.Conflict, refusal);
            (result, reserved, S.Holds) = (assigned.Result, assigned.Reserved, [.. assigned.Holds]);
        }
        S.Ticket = result.State;
        S.Outbox.AddRange(result.Effects);
        S.ProjectWithNextWrite = true; // the read model is written in the same transaction as the state
        try
        {
            await state.WriteStateAsync(); // durable from here, read model included: the caller may be told
        }
        catch
        {
            // Not stored (neither state nor read model): give back the capacity this transition reserved, and
            // reload the stored state on next use.
            await assignments.ReleaseAsync(Id, reserved);
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            S.ProjectWithNextWrite = false;
        }
        await PerformOutbox(projected: true);
        if (S.Holds.Count > 0) S.Holds = await assignments.SettleAsync(S.Ticket, S.Holds);
        return CommandOutcome<TicketSnapshot>.Ok(Snapshot());
    }

    /// <param name="projected">The read model already holds this outbox (written with the state); otherwise it is projected first.</param>
    private async Task PerformOutbox(bool projected = false)
    {
        try
        {
            await effects.PerformAsync(new EffectContext(Id, S.Ticket!, S.Parent, GrainFactory), S.Outbox, projected);
            S.Outbox.Clear();
        }
        catch (Exception e)
        {
            // The transition is stored; the read model or a side effect is behind. Try again shortly.
            log.LogError(e, "Effects of ticket {Ticket} failed; will retry", Id);
            _retry ??= this.RegisterGrainTimer(async _ => { _retry?.Dispose(); _retry = null; await PerformOutbox(); },
                new GrainTimerCreationOptions(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>
    /// Links the attachments a form brought to this ticket before the transition is stored, all or none. Refused
    /// when one was attached elsewhere since the check; a crash after linking leaves them linked to this id,
    /// which a retry with the same idempotency key (same id) may use again.
    /// </summary>
    private async Task<CommandOutcome<TicketSnapshot>?> LinkAttachments(FormSubmission submission, string actor)
    {
        var refused = await attachments.LinkAsync([.. submission.NewAttachments.Select(a => a.Id)], Id, actor, clock.Now);
        return refused.Count == 0 ? null : CommandOutcome<TicketSnapshot>.Fail(CommandError.InvalidForm, "An attachment of the form was attached elsewhere meanwhile.",
            [.. refused.Select(id => new Runtime.Validation.ValidationProblem(SubmissionProblemCodes.Attachment, $"Attachment '{id}' was attached elsewhere meanwhile.") { Path = submission.PathOf.GetValueOrDefault(id, id) })]);
    }

    private static CommandOutcome<TicketSnapshot> FormRefused(string what, FormSubmission submission) =>
        CommandOutcome<TicketSnapshot>.Fail(CommandError.InvalidForm, $"{what} has {submission.Problems.Count} problem(s).",
            [.. submission.Problems.Select(p => new Runtime.Validation.ValidationProblem(p.Code, p.Message) { Path = p.Path })]);

    private TicketSnapshot Snapshot() => new(S.Ticket!, S.Ticket!.Version) { Parent = S.Parent };

    private static CommandOutcome<TicketSnapshot> Refused(EngineException e) => CommandOutcome<TicketSnapshot>.Fail(e.Error switch
    {
        EngineError.NotFound => CommandError.NotFound,
        EngineError.Conflict => CommandError.Conflict,
        _ => CommandError.Invalid,
    }, e.Message);
}
