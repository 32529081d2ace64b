using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace LowCode.Server.Identity;

/// <summary>
/// Ends every session of a person at once, for when an administrator locks or removes an account: all
/// their tokens are revoked (access tokens stop at the next request, since every token is checked
/// against its stored entry), the security stamp changes (the sign-in page's session ends within a
/// minute) and the site cookie ends at its next check, when its refresh token is refused.
/// </summary>
public sealed class PersonSessions(UserManager<LowCodeUser> users, IOpenIddictTokenManager tokens)
{
    /// <summary>Locks the account until an administrator unlocks it, and ends its sessions. False when there is no such person.</summary>
    public async Task<bool> LockAsync(string userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return false;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await EndAllAsync(user, ct);
        return true;
    }

    public async Task<bool> UnlockAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return false;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    public async Task EndAllAsync(LowCodeUser user, CancellationToken ct = default)
    {
        await tokens.RevokeBySubjectAsync(user.Id, ct);
        await users.UpdateSecurityStampAsync(user);
    }
}
