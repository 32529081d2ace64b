using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCode.Server.Identity;

/// <summary>
/// The OAuth2/OpenID Connect endpoints whose decisions are LowCode's: who a token is for and what it
/// carries. OpenIddict handles the protocol (PKCE, client authentication, introspection, revocation).
/// </summary>
public static class ConnectEndpoints
{
    public static void MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("Sign-in").ExcludeFromDescription();

        connect.MapMethods("/authorize", ["GET", "POST"], Authorize).AllowAnonymous();
        connect.MapPost("/token", Token).AllowAnonymous().RequireRateLimiting(IdentityHosting.SignInLimit);
        // Signing out changes state, so a GET (a link another site could plant) only asks; the form posts.
        connect.MapGet("/logout", (HttpContext context, IAntiforgery antiforgery) => ConfirmSignOut(context, antiforgery)).AllowAnonymous();
        connect.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<LowCodeUser> signIn, TokenBackchannel backchannel) =>
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
                return ConfirmSignOut(context, antiforgery);
            await AccountEndpoints.SignOutEverywhereAsync(context, signIn, backchannel);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous().DisableAntiforgery();
        connect.MapMethods("/userinfo", ["GET", "POST"], async (HttpContext context, UserManager<LowCodeUser> users) =>
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null) return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            return Results.Ok(new Dictionary<string, object?>
            {
                [Claims.Subject] = user.Id, [Claims.Name] = user.DisplayName, [Claims.PreferredUsername] = user.UserName,
                [Claims.Role] = await users.GetRolesAsync(user),
            });
        }).AllowAnonymous();
    }

    private static IResult ConfirmSignOut(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        // The OpenID Connect parameters (id_token_hint, post_logout_redirect_uri, state) travel on in the form.
        var carried = string.Concat(context.Request.Query.Where(p => p.Key is "id_token_hint" or "post_logout_redirect_uri" or "state" or "client_id")
            .Select(p => $"<input type=\"hidden\" name=\"{e.Encode(p.Key)}\" value=\"{e.Encode(p.Value.ToString())}\">"));
        return Results.Content($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out · LowCode</title></head>
            <body style="font-family:system-ui,sans-serif;margin:3rem"><form method="post" action="/connect/logout">
            <h1>退出登录 Sign out?</h1>
            <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}">{carried}
            <button type="submit" data-action="confirm-sign-out">退出 Sign out</button></form></body></html>
            """, "text/html; charset=utf-8");
    }

    /// <summary>Authorization code flow: a signed-in person (cookie) gets a code for the requested scopes.</summary>
    private static async Task<IResult> Authorize(HttpContext context, UserManager<LowCodeUser> users, SignInManager<LowCodeUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = result.Succeeded ? await users.GetUserAsync(result.Principal!) : null;
        if (user is null || !await signIn.CanSignInAsync(user))
        {
            var query = context.Request.HasFormContentType ? QueryString.Create(context.Request.Form) : context.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + query },
                [IdentityConstants.ApplicationScheme]);
        }
        return Results.SignIn(await PrincipalFor(user, request.GetScopes(), users, context), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext context, IOpenIddictApplicationManager applications, UserManager<LowCodeUser> users, SignInManager<LowCodeUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // An integration: the token is for the client itself, with the scopes it was granted.
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? request.ClientId);
            identity.SetScopes(request.GetScopes()).SetResources(ResourcesFor(request.GetScopes()));
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // A person: re-read the user so a locked-out or deleted account stops getting tokens.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The account can no longer sign in.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            return Results.SignIn(await PrincipalFor(user, result.Principal!.GetScopes(), users, context), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.UnsupportedGrantType,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>A person's token: who they are, their roles, teams and org roles, for the requested scopes.</summary>
    private static async Task<ClaimsPrincipal> PrincipalFor(LowCodeUser user, IEnumerable<string> scopes, UserManager<LowCodeUser> users, HttpContext context)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id).SetClaim(Claims.Name, user.DisplayName).SetClaim(Claims.PreferredUsername, user.UserName);
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        var claims = await users.GetClaimsAsync(user);
        var org = await context.RequestServices.GetRequiredService<Grains.Organisation.OrgDirectory>().CurrentAsync(context.RequestAborted);
        identity.SetClaims(LowCodeClaims.Team, [.. org.TeamsOfPerson(user.Id)]);
        identity.SetClaims(LowCodeClaims.OrgRole, [.. claims.Where(c => c.Type == LowCodeClaims.OrgRole).Select(c => c.Value)]);
        var granted = scopes.ToList();
        identity.SetScopes(granted).SetResources(ResourcesFor(granted));
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.PreferredUsername or Claims.Role
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>LowCode API scopes make the token valid for the LowCode API (its audience); other scopes do not.</summary>
    private static IEnumerable<string> ResourcesFor(IEnumerable<string> scopes)
    {
        if (scopes.Any(Scopes.All.Contains)) yield return Scopes.ApiAudience;
        if (scopes.Contains(IdentityHosting.ReportsScope)) yield return "lowcode-reporting";
    }
}
