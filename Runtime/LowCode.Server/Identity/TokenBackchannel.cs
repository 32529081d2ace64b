using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using LowCode.Grains.Hosting;

namespace LowCode.Server.Identity;

/// <summary>Tokens the web client got: the access token and the refresh token that keeps the site session checked.</summary>
public sealed record WebTokens(string AccessToken, string? RefreshToken);

/// <summary>What a refresh said: new tokens, a definite no (the person may no longer sign in), or no answer.</summary>
public enum RefreshOutcome { Refreshed, Refused, Unavailable }

/// <summary>
/// The web client's back channel to the token endpoints, over HTTP as any client of the server: redeem
/// a code, refresh, revoke. It calls the site's own origin (the one the browser used, so the issuer is
/// the same); tests swap the handler for the in-memory server's. The client secret lives with the keys.
/// </summary>
public sealed class TokenBackchannel(IHttpClientFactory http, KeyStore keys, TicketClock clock, ILogger<TokenBackchannel> log)
{
    public const string HttpClientName = "lowcode-token-backchannel";

    private readonly Lazy<string> _secret = new(() => keys.Get("web-client-secret", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    /// <summary>The web client's secret, shared by every instance through the key store.</summary>
    public string ClientSecret => _secret.Value;

    public DateTimeOffset Now => clock.Time.GetUtcNow();

    public async Task<WebTokens?> RedeemCodeAsync(HttpContext context, string code, string verifier)
    {
        var (status, body) = await PostAsync(context, "/connect/token", [
            new("grant_type", "authorization_code"), new("code", code), new("code_verifier", verifier),
            new("redirect_uri", WebSignIn.CallbackUri(context.Request)), .. Credentials()]);
        return status == HttpStatusCode.OK ? Tokens(body) : Refused(status, body, "redeem a sign-in code");
    }

    public async Task<(RefreshOutcome Outcome, WebTokens? Tokens)> RefreshAsync(HttpContext context, string refreshToken)
    {
        try
        {
            var (status, body) = await PostAsync(context, "/connect/token", [new("grant_type", "refresh_token"), new("refresh_token", refreshToken), .. Credentials()]);
            if (status == HttpStatusCode.OK && Tokens(body) is { } tokens) return (RefreshOutcome.Refreshed, tokens);
            Refused(status, body, "refresh a site session");
            return (status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden ? RefreshOutcome.Refused : RefreshOutcome.Unavailable, null);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "The token endpoint did not answer a session refresh; the session stays until it does");
            return (RefreshOutcome.Unavailable, null);
        }
    }

    public async Task RevokeAsync(HttpContext context, string token)
    {
        try { await PostAsync(context, "/connect/revoke", [new("token", token), new("token_type_hint", "refresh_token"), .. Credentials()]); }
        catch (HttpRequestException e) { log.LogWarning(e, "Could not revoke a refresh token at sign-out"); }
    }

    private KeyValuePair<string, string>[] Credentials() => [new("client_id", WebSignIn.ClientId), new("client_secret", ClientSecret)];

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpContext context, string path, KeyValuePair<string, string>[] form)
    {
        using var client = http.CreateClient(HttpClientName);
        var request = context.Request;
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{path}");
        using var response = await client.PostAsync(uri, new FormUrlEncodedContent(form), context.RequestAborted);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(context.RequestAborted));
    }

    private static WebTokens? Tokens(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.TryGetProperty("access_token", out var access) && access.GetString() is { Length: > 0 } accessToken
                ? new WebTokens(accessToken, root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null)
                : null;
        }
        catch (JsonException) { return null; }
    }

    private WebTokens? Refused(HttpStatusCode status, string body, string what)
    {
        log.LogInformation("The token endpoint refused to {What}: {Status} {Body}", what, (int)status, body.Length > 300 ? body[..300] : body);
        return null;
    }
}
