using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Grains.Tickets;

/// <summary>Which form a step's task data is checked against, and what the form's expressions see of the ticket.</summary>
internal static class TicketForms
{
    /// <summary>The task form the step names; a step without one takes no data (an empty form refuses every field).</summary>
    public static FormSchema TaskFormOf(CompiledTicketType compiled, TaskState task)
    {
        var node = compiled.Plan.Nodes.TryGetValue(task.NodeId, out var n) ? n.Node : null;
        var key = node switch { UserTaskNode u => u.TaskForm, ApprovalNode a => a.TaskForm, _ => null };
        return key is not null && (compiled.Definition.TaskForms ?? []).TryGetValue(key, out var form) && form is not null ? form : new FormSchema();
    }

    public static FormValidationContext Context(TicketState ticket, DateTimeOffset now) => new()
    {
        Now = now,
        Requester = ticket.Requester,
        Ticket = new TicketInfo(ticket.TicketId, ticket.TicketType, ticket.Priority, ticket.Status.ToString().ToLowerInvariant(), ticket.Title, ticket.CreatedAt),
        Vars = ticket.Vars,
    };
}
