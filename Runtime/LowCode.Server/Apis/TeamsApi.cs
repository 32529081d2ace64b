using LowCode.Grains.Organisation;
using LowCode.Server.Identity;
using LowCode.Server.Organisation;

namespace LowCode.Server.Apis;

/// <summary>Teams: the queues tasks are offered to, their members and lead. Staff and analysts read; administrators write.</summary>
public static class TeamsApi
{
    public static void MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/teams").WithTags("Organisation").RequireAuthorization(Policies.OrgRead);

        api.MapGet("/", async (OrgService org, IPeopleDirectory people, CancellationToken ct) =>
        {
            var teams = (await org.SnapshotAsync(ct)).Teams.Values.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
            var names = await people.FindAsync([.. teams.SelectMany(t => t.Members.Append(t.Lead ?? "")).Where(p => p.Length > 0).Distinct()], ct);
            return Results.Ok(teams.Select(t => TeamView.From(t, names)).ToList());
        }).Produces<IReadOnlyList<TeamView>>().WithName("ListTeams").WithSummary("Every team with its lead and members.");

        api.MapGet("/{key}", async (string key, OrgService org, IPeopleDirectory people, CancellationToken ct) =>
            (await org.SnapshotAsync(ct)).Teams.TryGetValue(key, out var team)
                ? Results.Ok(await View(team, people, ct))
                : Problems.NotFound($"Team '{key}' does not exist."))
            .Produces<TeamView>().WithName("GetTeam").WithSummary("One team.");

        api.MapPost("/", async (HttpRequest request, OrgService org, IPeopleDirectory people) =>
        {
            var (body, error) = await Problems.ReadBody<TeamChange>(request);
            if (error is not null) return error;
            var outcome = await org.SaveTeamAsync(body!.Key?.Trim() ?? "", body, create: true, Actors.Current(request.HttpContext), request.HttpContext.RequestAborted);
            return outcome.Succeeded
                ? Results.Created($"/api/teams/{outcome.Value!.Key}", await View(outcome.Value, people, request.HttpContext.RequestAborted))
                : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).Accepts<TeamChange>("application/json").Produces<TeamView>(201)
        .WithName("CreateTeam").WithSummary("Creates a team (key, name, lead, members); 409 when the key is taken.");

        api.MapPut("/{key}", async (string key, HttpRequest request, OrgService org, IPeopleDirectory people) =>
        {
            var (body, error) = await Problems.ReadBody<TeamChange>(request);
            if (error is not null) return error;
            var outcome = await org.SaveTeamAsync(key, body!, create: false, Actors.Current(request.HttpContext), request.HttpContext.RequestAborted);
            return outcome.Succeeded ? Results.Ok(await View(outcome.Value!, people, request.HttpContext.RequestAborted)) : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).Accepts<TeamChange>("application/json").Produces<TeamView>()
        .WithName("UpdateTeam").WithSummary("Replaces a team's name, description, lead and members.");

        api.MapDelete("/{key}", async (string key, OrgService org, CancellationToken ct) =>
        {
            var outcome = await org.DeleteTeamAsync(key, ct);
            return outcome.Succeeded ? Results.NoContent() : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).WithName("DeleteTeam").WithSummary("Deletes a team; tasks already offered to it stay in its queue.");
    }

    private static async Task<TeamView> View(Team team, IPeopleDirectory people, CancellationToken ct) =>
        TeamView.From(team, await people.FindAsync([.. team.Members.Append(team.Lead ?? "").Where(p => p.Length > 0)], ct));
}
