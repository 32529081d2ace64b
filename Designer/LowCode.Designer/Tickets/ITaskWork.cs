using System.Collections.Immutable;
using System.Security.Claims;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;

namespace LowCode.Designer.Tickets;

/// <summary>
/// Working a task from the ticket page the way the API does it (the host owns those paths): the same access rule,
/// the same ticket-grain calls for completing, claiming and releasing, and the same validation of the task form.
/// </summary>
public interface ITaskWork
{
    /// <summary>The task with its form and actions; null when the ticket or the task is not there for this person.</summary>
    Task<TaskWorkView?> OpenAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default);

    Task<TaskWorkOutcome> CompleteAsync(ClaimsPrincipal user, string ticketId, string taskId, string action,
        ImmutableDictionary<string, object?> data, string? comment, CancellationToken ct = default);

    Task<TaskWorkOutcome> ClaimAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default);

    Task<TaskWorkOutcome> ReleaseAsync(ClaimsPrincipal user, string ticketId, string taskId, CancellationToken ct = default);
}

/// <summary>An open task as its worker sees it: the step's task form, the context its expressions read, and its actions.</summary>
public sealed record TaskWorkView(string TicketId, string TaskId, string Name, string? Assignee, FormSchema Form,
    FormValidationContext Context, IReadOnlyList<TaskActionChoice> Actions)
{
    /// <summary>May complete it (assignee, a member of its queue, a manager who sees the ticket, an administrator).</summary>
    public bool CanComplete { get; init; }
    /// <summary>Unassigned and the person may work it.</summary>
    public bool CanClaim { get; init; }
    /// <summary>Assigned, and the person is the assignee or manages it.</summary>
    public bool CanRelease { get; init; }
    /// <summary>Assigned to the person looking.</summary>
    public bool IsMine { get; init; }
}

/// <summary>A button of the step: its key is the outcome the workflow follows.</summary>
public sealed record TaskActionChoice(string Key, string Label, bool RequiresComment);

/// <summary>Done, or why not: a message and the task form's problems by field path.</summary>
public sealed record TaskWorkOutcome(bool Succeeded, string? Message, IReadOnlyList<FormProblem> Problems)
{
    public static readonly TaskWorkOutcome Done = new(true, null, []);
    public static TaskWorkOutcome Refused(string message) => new(false, message, []);
}
