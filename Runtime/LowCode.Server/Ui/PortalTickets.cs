using System.Collections.Immutable;
using System.Security.Claims;
using LowCode.Designer.Portal;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
using LowCode.Grains.Tickets;
using LowCode.Server.Apis;
using LowCode.Server.Identity;

namespace LowCode.Server.Ui;

/// <summary>The portal's form opens tickets through <see cref="TicketOpening"/>, as <c>POST /api/tickets</c> does, with the person as requester.</summary>
public sealed class PortalTickets(IGrainFactory grains, IServiceProvider services, TicketClock clock) : IPortalTickets
{
    public async Task<PortalSubmission> OpenAsync(ClaimsPrincipal user, string ticketType, ImmutableDictionary<string, object?> form, CancellationToken ct = default)
    {
        var caller = Caller.From(user);
        if (caller.Id.Length == 0 || caller.IsClient) return new PortalSubmission(null, "Sign in to open a ticket.", []);
        var outcome = await TicketOpening.OpenAsync(grains, services, caller, TicketIds.New(clock.Now), ticketType, form);
        if (outcome.Succeeded) return new PortalSubmission(outcome.Value!.State.TicketId, null, []);
        var problems = (outcome.Problems ?? []).Select(p => new FieldProblem(p.Path ?? "", p.Message, p.Code)).ToList();
        return new PortalSubmission(null, outcome.Message ?? "The ticket could not be opened.", problems);
    }
}
