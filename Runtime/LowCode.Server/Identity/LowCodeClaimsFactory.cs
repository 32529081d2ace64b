using System.Security.Claims;
using LowCode.Grains.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LowCode.Server.Identity;

/// <summary>
/// A signed-in person's claims: roles and org roles from the identity store, teams from the organisation
/// (the org tables are where team membership is managed). Sign-in cookies are rebuilt with this every
/// minute (security stamp validation), so a change of teams reaches open sessions within a minute.
/// </summary>
public sealed class LowCodeClaimsFactory(UserManager<LowCodeUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, OrgDirectory org)
    : UserClaimsPrincipalFactory<LowCodeUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LowCodeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var stored in identity.FindAll(LowCodeClaims.Team).ToList()) identity.RemoveClaim(stored);
        foreach (var team in (await org.CurrentAsync()).TeamsOfPerson(user.Id)) identity.AddClaim(new Claim(LowCodeClaims.Team, team));
        return identity;
    }
}
