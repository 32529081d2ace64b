using LowCode.Server.Identity;
using LowCode.Server.Organisation;

namespace LowCode.Server.Apis;

/// <summary>People: who can sign in, their roles, department, line manager and org roles. Staff and analysts read; administrators write.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Organisation").RequireAuthorization(Policies.OrgRead);

        api.MapGet("/", async (PeopleService people, CancellationToken ct) => Results.Ok(await people.ListAsync(ct)))
            .Produces<IReadOnlyList<UserView>>().WithName("ListUsers").WithSummary("Everyone who can sign in, with roles, department, manager, org roles and teams.");

        api.MapGet("/{id}", async (string id, PeopleService people, CancellationToken ct) =>
            await people.GetAsync(id, ct) is { } user ? Results.Ok(user) : Problems.NotFound($"There is no person '{id}'."))
            .Produces<UserView>().WithName("GetUser").WithSummary("One person.");

        api.MapPost("/", async (HttpRequest request, PeopleService people) =>
        {
            var (body, error) = await Problems.ReadBody<CreateUserRequest>(request);
            if (error is not null) return error;
            var outcome = await people.CreateAsync(body!, request.HttpContext.RequestAborted);
            return outcome.Succeeded ? Results.Created($"/api/users/{outcome.Value!.Id}", outcome.Value) : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).Accepts<CreateUserRequest>("application/json").Produces<UserView>(201)
        .WithName("CreateUser").WithSummary("Creates a person with a first password (400 naming every wrong field; 409 when the user name is taken).");

        api.MapPut("/{id}", async (string id, HttpRequest request, PeopleService people) =>
        {
            var (body, error) = await Problems.ReadBody<UpdateUserRequest>(request);
            if (error is not null) return error;
            var outcome = await people.UpdateAsync(id, body!, request.HttpContext.RequestAborted);
            return outcome.Succeeded ? Results.Ok(outcome.Value) : Problems.FromChange(outcome);
        })
        .RequireAuthorization(Policies.Administrator).Accepts<UpdateUserRequest>("application/json").Produces<UserView>()
        .WithName("UpdateUser").WithSummary("Replaces a person's name, e-mail, roles, department, line manager, region and org roles.");

        // Locking ends every session at once: tokens are revoked, sign-in page and site sessions end within a minute.
        api.MapPost("/{id}/lock", async (string id, PersonSessions sessions, CancellationToken ct) =>
            await sessions.LockAsync(id, ct) ? Results.Ok(new { id, locked = true }) : Problems.NotFound($"User '{id}' does not exist."))
            .RequireAuthorization(Policies.Administrator).WithName("LockUser")
            .WithSummary("Locks the account until unlocked and ends its sessions (its tokens stop working at once).");

        api.MapPost("/{id}/unlock", async (string id, PersonSessions sessions) =>
            await sessions.UnlockAsync(id) ? Results.Ok(new { id, locked = false }) : Problems.NotFound($"User '{id}' does not exist."))
            .RequireAuthorization(Policies.Administrator).WithName("UnlockUser").WithSummary("Lets a locked person sign in again.");
    }
}
