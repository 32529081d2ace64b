using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Claims = OpenIddict.Abstractions.OpenIddictConstants.Claims;

namespace LowCode.Server.Identity;

/// <summary>
/// The web UI is a client of LowCode's own OpenID Connect server, like any other app: a page that needs
/// a person sends the browser through the authorization code flow with PKCE (<c>/signin</c> →
/// <c>/connect/authorize</c> → sign-in page → <c>/signin-callback</c>), the code is redeemed for tokens
/// on the back channel, and the site cookie carries the person the access token names. The sign-in
/// page's own cookie is only the authorization server's session; it opens no page and no API.
/// </summary>
public static class WebSignIn
{
    public const string Scheme = "lowcode.web";
    public const string ClientId = "lowcode-web";
    public const string StartPath = "/signin";
    public const string CallbackPath = "/signin-callback";
    public const string Scopes = "openid profile roles offline_access tickets.read tickets.write ticket-types.read ticket-types.write";
    private const string PendingCookie = "lowcode.signin.";

    public static IServiceCollection AddWebSignIn(this IServiceCollection services)
    {
        services.AddHttpClient(TokenBackchannel.HttpClientName);
        services.AddSingleton<TokenBackchannel>();
        services.AddSingleton<WebSession>();
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "lowcode.web";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = StartPath;
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = context => IdentityHosting.Deny(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => IdentityHosting.Deny(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<WebSession>().ValidateAsync(context);
        });
        return services;
    }

    /// <summary>The callback this site's pages come back to: same scheme, host and base path as the request.</summary>
    public static string CallbackUri(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}";

    public static void MapWebSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, Start).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(CallbackPath, Callback).AllowAnonymous().ExcludeFromDescription();
    }

    private sealed record PendingSignIn(string State, string Verifier, string ReturnUrl);

    /// <summary>Starts the code flow: a fresh state and PKCE verifier, kept in a short-lived protected cookie of their own.</summary>
    private static IResult Start(HttpContext context, IDataProtectionProvider protection, string? returnUrl)
    {
        var pending = new PendingSignIn(Base64Url(RandomNumberGenerator.GetBytes(16)), Base64Url(RandomNumberGenerator.GetBytes(32)),
            IsLocal(returnUrl) ? returnUrl! : "/");
        context.Response.Cookies.Append(PendingCookie + pending.State, Protector(protection).Protect(JsonSerializer.Serialize(pending)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = CallbackPath, MaxAge = TimeSpan.FromMinutes(15),
        });
        return Results.Redirect(QueryHelpers.AddQueryString($"{context.Request.PathBase}/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["redirect_uri"] = CallbackUri(context.Request), ["scope"] = Scopes,
            ["state"] = pending.State, ["code_challenge_method"] = "S256",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(pending.Verifier))),
        }));
    }

    /// <summary>Back from the authorization endpoint: check the state, redeem the code, sign the person in to the site.</summary>
    private static async Task<IResult> Callback(HttpContext context, IDataProtectionProvider protection, TokenBackchannel backchannel,
        OpenIddictValidationService validation, ILoggerFactory logs)
    {
        var query = context.Request.Query;
        var state = query["state"].ToString();
        if (query["error"].ToString() is { Length: > 0 } error)
            return Failure($"Sign-in was refused: {error}. {query["error_description"]}");
        if (state.Length == 0 || state.Length > 64 || context.Request.Cookies[PendingCookie + state] is not { } protectedPending)
            return Failure("This sign-in link has expired or was not started in this browser.");
        context.Response.Cookies.Delete(PendingCookie + state, new CookieOptions { Path = CallbackPath });

        PendingSignIn? pending;
        try { pending = JsonSerializer.Deserialize<PendingSignIn>(Protector(protection).Unprotect(protectedPending)); }
        catch (Exception e) when (e is CryptographicException or JsonException) { pending = null; }
        if (pending is null || pending.State != state) return Failure("This sign-in link has expired or was not started in this browser.");

        var tokens = await backchannel.RedeemCodeAsync(context, query["code"].ToString(), pending.Verifier);
        if (tokens is null) return Failure("The sign-in code could not be redeemed; please sign in again.");
        var person = await PersonAsync(validation, tokens.AccessToken, logs.CreateLogger(typeof(WebSignIn)));
        if (person is null) return Failure("The sign-in did not produce a valid token; please sign in again.");

        var properties = new AuthenticationProperties { IsPersistent = false };
        WebSession.Store(properties, tokens, backchannel.Now);
        await context.SignInAsync(Scheme, person, properties);
        return Results.LocalRedirect(pending.ReturnUrl);
    }

    /// <summary>The site cookie's person: who the access token names, with roles, teams and org roles, but not its scopes (pages go by role).</summary>
    internal static async Task<ClaimsPrincipal?> PersonAsync(OpenIddictValidationService validation, string accessToken, ILogger log)
    {
        ClaimsPrincipal token;
        try { token = await validation.ValidateAccessTokenAsync(accessToken); }
        catch (OpenIddictExceptions.ProtocolException e)
        {
            log.LogWarning("An access token from the token endpoint did not validate: {Error} {Description}", e.Error, e.ErrorDescription);
            return null;
        }
        var kept = token.Claims.Where(c => c.Type is Claims.Subject or Claims.Name or Claims.PreferredUsername or Claims.Role
            or LowCodeClaims.Team or LowCodeClaims.OrgRole);
        return new ClaimsPrincipal(new ClaimsIdentity(kept.Select(c => new Claim(c.Type, c.Value)), Scheme, Claims.Name, Claims.Role));
    }

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("LowCode.WebSignIn.Pending");

    internal static bool IsLocal(string? url) => url is { Length: > 0 } && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IResult Failure(string message)
    {
        var text = HtmlEncoder.Default.Encode(message);
        return Results.Content($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in failed · LowCode</title></head>
            <body style="font-family:system-ui,sans-serif;margin:3rem"><h1>登录失败 Sign-in failed</h1><p role="alert">{text}</p>
            <p><a href="/">重新登录 Sign in again</a></p></body></html>
            """, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
    }
}
