using LowCode.Grains.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Server.Identity;

/// <summary>The people the organisation may name: the users of the identity store, with their display names.</summary>
public sealed class IdentityPeople(IServiceScopeFactory scopes) : IPeopleDirectory
{
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return new Dictionary<string, string>();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LowCodeUser>>();
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        return await users.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? u.Id, StringComparer.Ordinal, ct);
    }
}
