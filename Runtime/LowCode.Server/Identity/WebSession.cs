using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Validation;

namespace LowCode.Server.Identity;

/// <summary>
/// Keeps a site session honest: once a minute the cookie's refresh token is used at the token endpoint,
/// which re-reads the person. A locked, deleted or revoked account gets a definite no and the session
/// ends; changed roles or teams arrive with the new token. If the token endpoint does not answer at all,
/// the session is kept and checked again on the next request.
/// </summary>
public sealed class WebSession(TokenBackchannel backchannel, OpenIddictValidationService validation, ILogger<WebSession> log)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);
    private const string CheckedAt = "lowcode.checked";
    private const string RefreshToken = "refresh_token";

    public static void Store(AuthenticationProperties properties, WebTokens tokens, DateTimeOffset now)
    {
        if (tokens.RefreshToken is { } refresh) properties.StoreTokens([new AuthenticationToken { Name = RefreshToken, Value = refresh }]);
        properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
    }

    public static string? RefreshTokenOf(AuthenticationProperties properties) => properties.GetTokenValue(RefreshToken);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = backchannel.Now;
        if (context.Properties.Items.TryGetValue(CheckedAt, out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && now - checkedAt < CheckInterval && now >= checkedAt)
            return;

        if (RefreshTokenOf(context.Properties) is not { } refreshToken)
        {
            await End(context);
            return;
        }
        var (outcome, tokens) = await backchannel.RefreshAsync(context.HttpContext, refreshToken);
        if (outcome == RefreshOutcome.Unavailable) return;
        var person = tokens is null ? null : await WebSignIn.PersonAsync(validation, tokens.AccessToken, log);
        if (outcome == RefreshOutcome.Refused || person is null)
        {
            log.LogInformation("Ended the site session of {Person}: the account may no longer sign in", context.Principal?.Identity?.Name);
            await End(context);
            return;
        }
        context.ReplacePrincipal(person);
        Store(context.Properties, tokens! with { RefreshToken = tokens.RefreshToken ?? refreshToken }, now);
        context.ShouldRenew = true;
    }

    private static async Task End(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(WebSignIn.Scheme);
    }
}
