using System.Collections.Immutable;
using LowCode.Grains.Contracts;
using LowCode.Grains.Tickets;
using LowCode.Runtime.Expressions.Context;
using LowCode.Server.Identity;

namespace LowCode.Server.Apis;

/// <summary>
/// Opening a ticket, as <c>POST /api/tickets</c> and the portal's form both do it: the requester is the caller
/// (with department and line manager from the directory) unless staff or an integration name someone else, the
/// form's <c>Priority</c> field sets the priority when none is given, and the ticket grain validates the form.
/// </summary>
public static class TicketOpening
{
    public static readonly string[] Priorities = ["P1", "P2", "P3", "P4"];

    public static async Task<CommandOutcome<TicketSnapshot>> OpenAsync(IGrainFactory grains, IServiceProvider services, Caller caller, string id,
        string type, ImmutableDictionary<string, object?> form, string? title = null, string? priority = null, PersonInfo? requester = null)
    {
        requester ??= await People.Requester(services, caller);
        return await grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket(type, requester, caller.Id)
        {
            Form = form, Title = title, Priority = priority ?? PriorityOf(form) ?? "P3",
        });
    }

    /// <summary>A form's <c>Priority</c> field (P1–P4) sets the ticket's priority when the request does not (the repair form asks for it).</summary>
    private static string? PriorityOf(ImmutableDictionary<string, object?> form) =>
        form.GetValueOrDefault("Priority") is string p && Priorities.Contains(p) ? p : null;
}
