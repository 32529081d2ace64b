using LowCode.Runtime.Calendars;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Dispatch;

/// <summary>The expression scope a dispatch rule sees for a ticket: its form, variables, the ticket, the requester and now.</summary>
public static class DispatchScope
{
    public static ExpressionScope For(TicketState ticket, DateTimeOffset now, BusinessCalendar? calendar = null) => new()
    {
        Form = ticket.Form,
        Vars = ticket.Vars,
        Ticket = new TicketInfo(ticket.TicketId, ticket.TicketType, ticket.Priority, ticket.Status.ToString().ToLowerInvariant(), ticket.Title, ticket.CreatedAt),
        Requester = ticket.Requester,
        Now = now,
        Calendar = calendar ?? BusinessCalendar.AlwaysOpen,
    };
}
