using System.Security.Claims;
using LowCode.Grains.Contracts;
using LowCode.Grains.Organisation;
using LowCode.Runtime.Validation;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Server.Organisation;

/// <summary>
/// People (the identity store's users) as the organisation sees them: sign-in name, roles, department,
/// line manager, region and org roles; teams come from the org tables. Changes are checked field by
/// field; nothing is stored while any field is wrong.
/// </summary>
public sealed class PeopleService(UserManager<LowCodeUser> users, IdentityDb db, OrgDirectory org)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        var people = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);
        var roles = (await db.UserRoles.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId, r => roleNames.GetValueOrDefault(r.RoleId, r.RoleId));
        var orgRoles = (await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == LowCodeClaims.OrgRole).ToListAsync(ct)).ToLookup(c => c.UserId, c => c.ClaimValue ?? "");
        var snapshot = await org.CurrentAsync(ct);
        return [.. people.Select(u => View(u, [.. roles[u.Id]], [.. orgRoles[u.Id]], snapshot))];
    }

    public async Task<UserView?> GetAsync(string id, CancellationToken ct = default) =>
        await users.FindByIdAsync(id) is { } user ? await ViewAsync(user, ct) : null;

    public async Task<CommandOutcome<UserView>> CreateAsync(CreateUserRequest request, CancellationToken ct = default)
    {
        var problems = new List<ValidationProblem>();
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            Add(problems, "userName", "A user name is 3 to 64 letters, digits, '.', '_' or '-'.");
        if (string.IsNullOrEmpty(request.Password)) Add(problems, "password", "Give a first password.");
        var change = new UpdateUserRequest
        {
            DisplayName = request.DisplayName, Email = request.Email, Roles = request.Roles, Department = request.Department,
            ManagerId = request.ManagerId, Region = request.Region, OrgRoles = request.OrgRoles,
        };
        await CheckAsync(change, null, problems);
        if (problems.Count == 0 && await users.FindByNameAsync(userName) is not null)
            return CommandOutcome<UserView>.Fail(CommandError.Conflict, $"The user name '{userName}' is taken.");
        var user = new LowCodeUser { Id = $"u-{Guid.NewGuid():N}"[..14], UserName = userName };
        if (problems.Count == 0 && !string.IsNullOrEmpty(request.Password))
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, user, request.Password)).Errors)
                    Add(problems, "password", error.Description);
        if (problems.Count > 0) return Invalid(problems);
        Apply(user, change);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException)
        {
            // Someone created the same user name between the check above and this insert: the unique index refused it.
            return CommandOutcome<UserView>.Fail(CommandError.Conflict, $"The user name '{userName}' is taken.");
        }
        if (!created.Succeeded) return Invalid([.. created.Errors.Select(e => new ValidationProblem("invalid-field", e.Description) { Path = "userName" })]);
        await SetRolesAsync(user, change);
        return CommandOutcome<UserView>.Ok((await ViewAsync(user, ct))!);
    }

    public async Task<CommandOutcome<UserView>> UpdateAsync(string id, UpdateUserRequest request, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(id) is not { } user) return CommandOutcome<UserView>.Fail(CommandError.NotFound, $"There is no person '{id}'.");
        var problems = new List<ValidationProblem>();
        await CheckAsync(request, id, problems);
        if (problems.Count > 0) return Invalid(problems);
        Apply(user, request);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return CommandOutcome<UserView>.Fail(CommandError.Conflict, string.Join(" ", updated.Errors.Select(e => e.Description)));
        await SetRolesAsync(user, request);
        return CommandOutcome<UserView>.Ok((await ViewAsync(user, ct))!);
    }

    private async Task CheckAsync(UpdateUserRequest request, string? id, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 100 || request.DisplayName.Any(char.IsControl))
            Add(problems, "displayName", "Give a display name of at most 100 characters (e.g. 李强 Li Qiang).");
        if (request.Email is { Length: > 0 } email && (email.Length > 200 || email.Count(c => c == '@') != 1 || email.Any(char.IsWhiteSpace)))
            Add(problems, "email", $"'{email}' is not an e-mail address.");
        var roles = request.Roles ?? [];
        if (roles.Count == 0) Add(problems, "roles", $"Give at least one role: {string.Join(", ", Roles.All)}.");
        for (var i = 0; i < roles.Count; i++)
            if (!Roles.All.Contains(roles[i])) Add(problems, $"roles[{i}]", $"'{roles[i]}' is not a role; use {string.Join(", ", Roles.All)}.");
        var orgRoles = request.OrgRoles ?? [];
        for (var i = 0; i < orgRoles.Count; i++)
            if (orgRoles[i] is not { Length: > 0 and <= 40 } role || !role.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
                Add(problems, $"orgRoles[{i}]", "An org role is lower-case letters, digits and '-', at most 40 (e.g. team-lead).");
        if (request.Department is { Length: > 100 }) Add(problems, "department", "The department is longer than 100 characters.");
        if (request.Region is { Length: > 40 }) Add(problems, "region", "The region is longer than 40 characters.");
        if (request.ManagerId is { Length: > 0 } manager)
        {
            if (manager == id) Add(problems, "managerId", "A person cannot be their own manager.");
            else if (await users.FindByIdAsync(manager) is null) Add(problems, "managerId", $"There is no person '{manager}'.");
        }
    }

    private static void Apply(LowCodeUser user, UpdateUserRequest request)
    {
        user.DisplayName = request.DisplayName!.Trim();
        user.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        user.Department = request.Department?.Trim() ?? "";
        user.ManagerId = string.IsNullOrWhiteSpace(request.ManagerId) ? null : request.ManagerId.Trim();
        user.Region = request.Region?.Trim() ?? "";
    }

    /// <summary>Roles, org roles and the department claim, replaced by what the request says.</summary>
    private async Task SetRolesAsync(LowCodeUser user, UpdateUserRequest request)
    {
        var current = await users.GetRolesAsync(user);
        var wanted = (request.Roles ?? []).Distinct().ToList();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type is LowCodeClaims.OrgRole or LowCodeClaims.Department).ToList();
        if (claims.Count > 0) await users.RemoveClaimsAsync(user, claims);
        await users.AddClaimsAsync(user, (request.OrgRoles ?? []).Distinct().Select(r => new Claim(LowCodeClaims.OrgRole, r))
            .Append(new Claim(LowCodeClaims.Department, user.Department)));
    }

    private async Task<UserView?> ViewAsync(LowCodeUser user, CancellationToken ct)
    {
        var claims = await users.GetClaimsAsync(user);
        return View(user, [.. (await users.GetRolesAsync(user)).Order()], [.. claims.Where(c => c.Type == LowCodeClaims.OrgRole).Select(c => c.Value)], await org.CurrentAsync(ct));
    }

    private static UserView View(LowCodeUser u, List<string> roles, List<string> orgRoles, OrgSnapshot snapshot) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.Department, u.ManagerId, u.Region, [.. roles.Order()], [.. orgRoles.Order()],
            [.. snapshot.TeamsOfPerson(u.Id)], snapshot.Agents.ContainsKey(u.Id), u.LockoutEnd > DateTimeOffset.UtcNow);

    private static void Add(List<ValidationProblem> problems, string path, string message) => problems.Add(new ValidationProblem("invalid-field", message) { Path = path });

    private static CommandOutcome<UserView> Invalid(List<ValidationProblem> problems) =>
        CommandOutcome<UserView>.Fail(CommandError.Invalid, $"The person has {problems.Count} problem(s).", problems);
}
