using System.Security.Claims;
using LowCode.Designer.Access;
using LowCode.Runtime.Execution;
using LowCode.Server.Identity;

namespace LowCode.Server.Ui;

/// <summary>
/// The web UI's view of the access rules: roles open areas, and tickets follow <see cref="TicketAccess"/>
/// exactly as the API does. Integration clients have no pages.
/// </summary>
public sealed class UiAccess : IUiAccess
{
    public Viewer Viewer(ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        return new Viewer(caller.Id, caller.Name, Areas(caller), TicketAccess.SeesInternal(caller), TicketAccess.Visibility(caller));
    }

    public bool CanSee(ClaimsPrincipal user, TicketState ticket) => TicketAccess.CanSee(Caller.From(user), ticket);

    public bool CanWork(ClaimsPrincipal user, TicketState ticket, TaskState task) =>
        Caller.From(user) is { IsClient: false } caller && TicketAccess.CanWork(caller, ticket, task);

    private static HashSet<UiArea> Areas(Caller caller)
    {
        var areas = new HashSet<UiArea>();
        if (caller.IsClient || caller.Id.Length == 0) return areas;
        areas.Add(UiArea.Portal);
        if (caller.IsStaff) areas.Add(UiArea.Workspace);
        if (caller.IsAdministrator || caller.Has(Roles.Manager)) areas.Add(UiArea.Dashboards);
        if (caller.IsAdministrator || caller.Has(Roles.Analyst)) areas.Add(UiArea.Designer);
        if (caller.IsAdministrator) areas.Add(UiArea.Administration);
        return areas;
    }
}
