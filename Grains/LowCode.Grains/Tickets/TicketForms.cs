using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Grains.Tickets;

/// <summary>
/// Which form a step's task data is checked against, what the form's expressions see of the ticket, and the
/// actions that leave the step: the grain checks with these, and the ticket page shows the same.
/// </summary>
public static class TicketForms
{
    /// <summary>The task form the step names; a step without one takes no data (an empty form refuses every field).</summary>
    public static FormSchema TaskFormOf(CompiledTicketType compiled, TaskState task)
    {
        var node = compiled.Plan.Nodes.TryGetValue(task.NodeId, out var n) ? n.Node : null;
        var key = node switch { UserTaskNode u => u.TaskForm, ApprovalNode a => a.TaskForm, _ => null };
        return key is not null && (compiled.Definition.TaskForms ?? []).TryGetValue(key, out var form) && form is not null ? form : new FormSchema();
    }

    /// <summary>The buttons of a human step: a user task's actions; approve, reject (and send back) for an approval.</summary>
    public static IReadOnlyList<TaskAction> ActionsOf(CompiledTicketType compiled, TaskState task) =>
        (compiled.Plan.Nodes.TryGetValue(task.NodeId, out var n) ? n.Node : null) switch
        {
            UserTaskNode u => u.Actions,
            ApprovalNode a =>
            [
                new(ApprovalActions.Approve, "Approve"),
                new(ApprovalActions.Reject, "Reject"),
                .. a.AllowSendBack ? [new TaskAction(ApprovalActions.SendBack, "Send back")] : Array.Empty<TaskAction>(),
            ],
            _ => [],
        };

    public static FormValidationContext Context(TicketState ticket, DateTimeOffset now) => new()
    {
        Now = now,
        Requester = ticket.Requester,
        Ticket = new TicketInfo(ticket.TicketId, ticket.TicketType, ticket.Priority, ticket.Status.ToString().ToLowerInvariant(), ticket.Title, ticket.CreatedAt),
        Vars = ticket.Vars,
    };
}
