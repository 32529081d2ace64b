using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>An access token, with the refresh token when <c>offline_access</c> was asked for.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken);

/// <summary>
/// Getting in the way real callers do: integration clients by client credentials, people through the
/// sign-in page (antiforgery field and cookie) and, for a bearer token, the authorization code flow with
/// PKCE of the public client <c>lowcode-cli</c>.
/// </summary>
internal static partial class SignInFlows
{
    public const string ApiScopes = "tickets.read tickets.write ticket-types.read ticket-types.write";
    public const string Cli = "lowcode-cli";
    public const string CliRedirect = "http://127.0.0.1/callback";

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public static Task<HttpResponseMessage> RequestClientCredentialsAsync(this HttpClient client, TestClient app, string? scopes = null) =>
        client.PostFormAsync("/connect/token", ("grant_type", "client_credentials"), ("client_id", app.Id), ("client_secret", app.Secret), ("scope", scopes ?? app.Scopes));

    /// <summary>An access token for the integration client, with all the scopes it was granted unless told otherwise.</summary>
    public static async Task<string> ClientCredentialsTokenAsync(this HttpClient client, TestClient app, string? scopes = null) =>
        (await client.RequestClientCredentialsAsync(app, scopes).ExpectAsync(HttpStatusCode.OK)).Text("access_token");

    /// <summary>A client with a cookie container of its own that follows no redirects: one browser.</summary>
    public static HttpClient CreateBrowser(this LowCodeHost host) => host.CreateClientWithoutToken(new CookieContainerHandler(new CookieContainer()));

    /// <summary>
    /// A browser in which the person signed in as the web UI does: through the site's own code flow
    /// (<c>/signin</c> → authorization endpoint → sign-in page → callback); it carries the site cookie.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(this LowCodeHost host, IdentitySeeder.DemoPerson person, string returnUrl = "/portal")
    {
        var browser = host.CreateBrowser();
        using var landed = await browser.SignInThroughSiteAsync(person.UserName, person.Password, $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.True(landed.StatusCode == HttpStatusCode.Redirect && landed.Headers.Location?.OriginalString == returnUrl,
            $"{person.UserName} could not sign in: {(int)landed.StatusCode} {landed.Headers.Location} {await landed.Content.ReadAsStringAsync()}");
        return browser;
    }

    /// <summary>
    /// Follows the site's sign-in from <paramref name="startAt"/> the way a browser does and returns the
    /// callback's answer (a redirect to where the person was going, with the site cookie).
    /// </summary>
    public static async Task<HttpResponseMessage> SignInThroughSiteAsync(this HttpClient browser, string userName, string password, string startAt)
    {
        var next = await RedirectAsync(browser, startAt);
        for (var hop = 0; next.AbsolutePath != "/account/login"; hop++)
        {
            Assert.True(hop < 4, $"Still not at the sign-in page after {hop} redirects: {next}");
            next = await RedirectAsync(browser, next.PathAndQuery);
        }
        var returnUrl = QueryHelpers.ParseQuery(next.Query)["ReturnUrl"].ToString();
        using (var signedIn = await browser.SubmitSignInAsync(userName, password, returnUrl))
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{userName} could not sign in: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        var callback = await RedirectAsync(browser, returnUrl);
        Assert.Equal("/signin-callback", callback.AbsolutePath);
        return await browser.GetAsync(callback.PathAndQuery);
    }

    /// <summary>Loads the sign-in page (antiforgery cookie and field) and posts the form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> SubmitSignInAsync(this HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        using var page = await browser.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        Assert.True(antiforgery.Success, $"The sign-in page has no antiforgery field: {html}");
        return await browser.PostFormAsync("/account/login",
            ("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery.Groups[1].Value)),
            ("username", userName), ("password", password), ("returnUrl", returnUrl));
    }

    /// <summary>A person's tokens: the CLI starts the code flow, the person signs in on the page it is sent to, the code is exchanged with the PKCE verifier.</summary>
    public static async Task<TokenSet> PersonTokensAsync(this LowCodeHost host, IdentitySeeder.DemoPerson person, string scopes = ApiScopes)
    {
        var (code, verifier) = await host.AuthorizationCodeAsync(person, scopes);
        using var client = host.CreateClientWithoutToken();
        var tokens = await client.ExchangeCodeAsync(code, verifier).ExpectAsync(HttpStatusCode.OK);
        return new TokenSet(tokens.Text("access_token"), tokens.TextOrNull("refresh_token"));
    }

    /// <summary>
    /// The browser half of the code flow: the CLI sends the browser to the authorization endpoint with a
    /// PKCE challenge; not signed in yet, it is sent to the sign-in page, which sends it back; the
    /// authorization endpoint then redirects to the CLI's callback with a code (and the state it was given).
    /// </summary>
    public static async Task<(string Code, string Verifier)> AuthorizationCodeAsync(this LowCodeHost host, IdentitySeeder.DemoPerson person, string scopes = ApiScopes)
    {
        using var browser = host.CreateBrowser();
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var state = Guid.NewGuid().ToString("N");
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = Cli, ["response_type"] = "code", ["redirect_uri"] = CliRedirect, ["scope"] = scopes, ["state"] = state,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), ["code_challenge_method"] = "S256",
        });

        var signInPage = await RedirectAsync(browser, authorize);
        Assert.Equal("/account/login", signInPage.AbsolutePath);
        var returnUrl = QueryHelpers.ParseQuery(signInPage.Query)["ReturnUrl"].ToString();
        using (var signedIn = await browser.SubmitSignInAsync(person.UserName, person.Password, returnUrl))
        {
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{person.UserName} could not sign in: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
            Assert.Equal(returnUrl, signedIn.Headers.Location?.OriginalString);
        }
        var callback = await RedirectAsync(browser, returnUrl);
        Assert.StartsWith(CliRedirect + "?", callback.ToString(), StringComparison.Ordinal);
        var answer = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(state, answer["state"].ToString());
        return (answer["code"].ToString(), verifier);
    }

    /// <summary>The CLI half: the code and the PKCE verifier for tokens.</summary>
    public static Task<HttpResponseMessage> ExchangeCodeAsync(this HttpClient client, string code, string verifier) =>
        client.PostFormAsync("/connect/token", ("grant_type", "authorization_code"), ("code", code),
            ("redirect_uri", CliRedirect), ("client_id", Cli), ("code_verifier", verifier));

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostFormAsync("/connect/token", ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", Cli));

    public static async Task<Uri> RedirectAsync(this HttpClient browser, string url)
    {
        using var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} answered {(int)response.StatusCode}, expected a redirect: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location : new Uri(browser.BaseAddress!, location);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""name="__RequestVerificationToken" value="([^"]+)""")]
    private static partial Regex AntiforgeryField();
}
