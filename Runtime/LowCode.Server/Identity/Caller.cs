using System.Security.Claims;
using OpenIddict.Abstractions;

namespace LowCode.Server.Identity;

/// <summary>
/// Who is asking, reduced to what access rules need: a person (id, roles, teams) or an integration
/// client (its granted scopes). Built once per request from the authenticated principal.
/// </summary>
public sealed record Caller(string Id, string Name, bool IsClient, IReadOnlySet<string> Roles, IReadOnlySet<string> Teams, IReadOnlySet<string> OrgRoles, IReadOnlySet<string> Scopes)
{
    public bool IsAdministrator => Roles.Contains(Identity.Roles.Administrator);
    public bool IsStaff => IsAdministrator || Roles.Contains(Identity.Roles.Manager) || Roles.Contains(Identity.Roles.Agent);
    public bool Has(string role) => Roles.Contains(role);

    public static Caller From(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(OpenIddictConstants.Claims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var clientId = user.FindFirstValue(OpenIddictConstants.Claims.ClientId);
        var isClient = clientId is not null && (subject.Length == 0 || subject == clientId);
        var roles = user.FindAll(OpenIddictConstants.Claims.Role).Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scopes = user.GetScopes().ToHashSet(StringComparer.Ordinal);
        var name = user.FindFirstValue(OpenIddictConstants.Claims.Name) ?? user.Identity?.Name ?? subject;
        return new Caller(isClient ? clientId! : subject, name, isClient, roles,
            user.FindAll(LowCodeClaims.Team).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            user.FindAll(LowCodeClaims.OrgRole).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            scopes);
    }
}
