using LowCode.Server.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace LowCode.Server.Ui;

/// <summary>
/// An open interactive page (a circuit) re-checks its person every minute, as the site cookie does: a deleted
/// or locked account, or a changed security stamp, signs the circuit out and the page sends them to sign in.
/// </summary>
public sealed class PersonRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var caller = Caller.From(state.User);
        if (caller.Id.Length == 0 || caller.IsClient) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LowCodeUser>>();
        var user = await users.FindByIdAsync(caller.Id);
        if (user is null || await users.IsLockedOutAsync(user)) return false;
        var stamp = state.User.FindFirst(users.Options.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return stamp is null || stamp == await users.GetSecurityStampAsync(user);
    }
}
