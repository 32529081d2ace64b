using System.Collections.Immutable;
using System.Security.Claims;

namespace LowCode.Designer.Portal;

/// <summary>
/// Opens a ticket from the portal's form the way <c>POST /api/tickets</c> does (the host owns that path): the
/// signed-in person is the requester, the ticket grain validates the form, and refusals come back per field.
/// </summary>
public interface IPortalTickets
{
    Task<PortalSubmission> OpenAsync(ClaimsPrincipal user, string ticketType, ImmutableDictionary<string, object?> form, CancellationToken ct = default);
}

/// <summary>The new ticket's id, or why it was not opened: a message and the problems by field path (<c>Lines[1].Amount</c>).</summary>
public sealed record PortalSubmission(string? TicketId, string? Message, IReadOnlyList<FieldProblem> Problems)
{
    public bool Succeeded => TicketId is not null;
}

/// <summary>One refused field: its path, what is wrong, and the validator's stable code (<c>required</c>, <c>max</c>...).</summary>
public sealed record FieldProblem(string Path, string Message, string Code = "");
