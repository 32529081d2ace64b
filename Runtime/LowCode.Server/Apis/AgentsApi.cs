using LowCode.Grains.Agents;
using LowCode.Grains.Organisation;
using LowCode.Server.Identity;
using LowCode.Server.Organisation;

namespace LowCode.Server.Apis;

/// <summary>
/// Agents: profiles (skills, regions, sites, capacity, shift) with their live workload. Staff and analysts
/// read; administrators write profiles; agents set their own availability, managers anyone's.
/// </summary>
public static class AgentsApi
{
    public static void MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agents").WithTags("Organisation").RequireAuthorization(Policies.OrgRead);

        api.MapGet("/", async (OrgService org, IGrainFactory grains, CancellationToken ct) =>
        {
            var snapshot = await org.SnapshotAsync(ct);
            var agents = snapshot.Agents.Values.OrderBy(a => a.UserId, StringComparer.Ordinal).ToList();
            return Results.Ok(await Task.WhenAll(agents.Select(a => View(a, snapshot, grains))));
        }).Produces<IReadOnlyList<AgentView>>().WithName("ListAgents").WithSummary("Every agent with profile, teams and live workload (load, capacity, availability).");

        api.MapGet("/{id}", async (string id, OrgService org, IGrainFactory grains, CancellationToken ct) =>
        {
            var snapshot = await org.SnapshotAsync(ct);
            return snapshot.Agents.TryGetValue(id, out var agent) ? Results.Ok(await View(agent, snapshot, grains)) : Problems.NotFound($"'{id}' has no agent profile.");
        }).Produces<AgentView>().WithName("GetAgent").WithSummary("One agent, with the tasks they hold capacity for.");

        api.MapPut("/{id}", async (string id, HttpRequest request, OrgService org, IGrainFactory grains) =>
        {
            var (body, error) = await Problems.ReadBody<AgentChange>(request);
            if (error is not null) return error;
            var outcome = await org.SaveAgentAsync(id, body!, Actors.Current(request.HttpContext), request.HttpContext.RequestAborted);
            return outcome.Succeeded ? Results.Ok(await View(outcome.Value!, await org.SnapshotAsync(), grains)) : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).Accepts<AgentChange>("application/json").Produces<AgentView>()
        .WithName("SaveAgent").WithSummary("Makes a person an agent or replaces their profile (skills 1-5, regions, sites, capacity, priority weights, shift calendar).");

        api.MapPut("/{id}/availability", async (string id, HttpRequest request, OrgService org, IGrainFactory grains) =>
        {
            var caller = Actors.Caller(request.HttpContext);
            if (caller.Id != id && !caller.IsAdministrator && !caller.Has(Roles.Manager))
                return Results.Problem(statusCode: 403, title: "Forbidden", detail: "Agents set their own availability; managers and administrators anyone's.");
            var (body, error) = await Problems.ReadBody<AvailabilityChange>(request);
            if (error is not null) return error;
            var outcome = await org.SetAvailabilityAsync(id, body!, caller.Id, request.HttpContext.RequestAborted);
            return outcome.Succeeded ? Results.Ok(await View(outcome.Value!, await org.SnapshotAsync(), grains)) : Problems.FromChange(outcome);
        })
        .Accepts<AvailabilityChange>("application/json").Produces<AgentView>()
        .WithName("SetAgentAvailability").WithSummary("On or off duty, and out of office (from, until, delegate): new work stops, or goes to the delegate.");

        api.MapDelete("/{id}", async (string id, OrgService org, CancellationToken ct) =>
        {
            var outcome = await org.DeleteAgentAsync(id, ct);
            return outcome.Succeeded ? Results.NoContent() : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).WithName("DeleteAgent").WithSummary("Removes an agent profile; tasks they hold stay theirs until done or moved.");
    }

    private static async Task<AgentView> View(AgentProfile agent, OrgSnapshot snapshot, IGrainFactory grains) =>
        new(agent, [.. snapshot.TeamsOfPerson(agent.UserId)], WorkloadView.From(await grains.GetGrain<IAgentGrain>(agent.UserId).GetWorkload()));
}
