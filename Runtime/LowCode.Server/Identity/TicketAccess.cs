using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Grains.ReadModel;

namespace LowCode.Server.Identity;

/// <summary>
/// The one place that says who may see and act on a ticket, used by the API, the UI and search:
/// customers see the tickets they requested; agents and managers see tickets assigned to them, offered
/// to them, or queued for one of their teams (and those they worked on); administrators and
/// integration clients with the scope see all. Denied tickets are reported as not found.
/// </summary>
public static class TicketAccess
{
    public static bool CanSee(Caller caller, TicketState ticket)
    {
        if (caller.IsClient) return caller.Scopes.Contains(Scopes.TicketsRead) || caller.Scopes.Contains(Scopes.TicketsWrite);
        if (caller.IsAdministrator || ticket.Requester.Id == caller.Id) return true;
        if (!caller.IsStaff) return false;
        return ticket.Tasks.Any(task => Involves(caller, task));
    }

    /// <summary>May the caller complete or claim this task?</summary>
    public static bool CanWork(Caller caller, TicketState ticket, TaskState task)
    {
        if (caller.IsClient) return caller.Scopes.Contains(Scopes.TicketsWrite);
        if (caller.IsAdministrator) return true;
        if (task.Assignment.To is { Kind: ParticipantKind.Requester }) return ticket.Requester.Id == caller.Id;
        return caller.IsStaff && (Involves(caller, task) || (caller.Has(Roles.Manager) && CanSee(caller, ticket)));
    }

    public static bool CanCancel(Caller caller, TicketState ticket) =>
        caller.IsClient ? caller.Scopes.Contains(Scopes.TicketsWrite)
        : caller.IsAdministrator || ticket.Requester.Id == caller.Id || (caller.Has(Roles.Manager) && CanSee(caller, ticket));

    public static bool CanWriteInternal(Caller caller) => caller.IsClient || caller.IsStaff;

    /// <summary>Internal comments are for staff and integrations only.</summary>
    public static bool SeesInternal(Caller caller) => caller.IsClient || caller.IsStaff;

    /// <summary>The same rule as <see cref="CanSee"/>, as a read-model filter for lists and search.</summary>
    public static TicketVisibility Visibility(Caller caller)
    {
        if (caller.IsClient) return caller.Scopes.Contains(Scopes.TicketsRead) || caller.Scopes.Contains(Scopes.TicketsWrite) ? TicketVisibility.All : TicketVisibility.None;
        if (caller.IsAdministrator) return TicketVisibility.All;
        return caller.IsStaff
            ? new TicketVisibility(caller.Id, [caller.Id], [.. caller.Teams], [.. caller.OrgRoles])
            : new TicketVisibility(caller.Id, [], [], []);
    }

    private static bool Involves(Caller caller, TaskState task)
    {
        if (task.Assignee == caller.Id || task.ClosedBy == caller.Id) return true;
        foreach (var p in task.Candidates.Append(task.Assignment.To))
        {
            if (p is null) continue;
            if (p.Kind == ParticipantKind.User && p.Value == caller.Id) return true;
            if (p.Kind == ParticipantKind.Team && p.Value is not null && caller.Teams.Contains(p.Value)) return true;
            if (p.Kind == ParticipantKind.Role && p.Value is not null && caller.OrgRoles.Contains(p.Value)) return true;
        }
        return false;
    }
}
