using System.Security.Claims;
using LowCode.Runtime.Execution;

namespace LowCode.Designer.Access;

/// <summary>
/// The access rules the UI follows but does not own: the host maps roles to areas and applies the one
/// ticket visibility rule the API uses too, so a page never shows what the API would refuse.
/// </summary>
public interface IUiAccess
{
    Viewer Viewer(ClaimsPrincipal user);

    /// <summary>May this person open the ticket? Pages answer "not found" otherwise, like the API.</summary>
    bool CanSee(ClaimsPrincipal user, TicketState ticket);

    /// <summary>May this person complete or claim the task (the API's rule)?</summary>
    bool CanWork(ClaimsPrincipal user, TicketState ticket, TaskState task);
}
