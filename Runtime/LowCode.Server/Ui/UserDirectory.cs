using LowCode.Designer.Access;
using LowCode.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Server.Ui;

/// <summary>The people in ASP.NET Identity, with their roles, for the administration page.</summary>
public sealed class UserDirectory(IdentityDb db) : IUserDirectory
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        var people = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return [.. people.Select(u => new UserSummary(u.Id, u.UserName ?? "", u.DisplayName, u.Department,
            [.. memberships.Where(m => m.UserId == u.Id).Select(m => roleNames.GetValueOrDefault(m.RoleId, m.RoleId)).Order()],
            u.LockoutEnd > now))];
    }
}
