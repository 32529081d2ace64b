using System.Net;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// The web UI signs people in through LowCode's own OpenID Connect server: authorization code with PKCE
/// for the confidential client <c>lowcode-web</c>, the code redeemed on the back channel, a site cookie
/// checked against the token endpoint every minute.
/// </summary>
public sealed class WebSignInTests(ClockedLowCodeHost host) : IClassFixture<ClockedLowCodeHost>
{
    [Fact]
    public async Task A_page_sends_the_browser_through_the_code_flow_and_back_with_a_site_cookie()
    {
        using var browser = host.CreateBrowser();

        var start = await browser.RedirectAsync("/portal");
        var authorize = await browser.RedirectAsync(start.PathAndQuery);
        using var landed = await browser.SignInThroughSiteAsync(DemoPeople.WangFang.UserName, DemoPeople.WangFang.Password, start.PathAndQuery);
        var mine = await browser.ListAsync("pageSize=200");

        Assert.Equal("/signin", start.AbsolutePath);
        Assert.Equal("/portal", QueryHelpers.ParseQuery(start.Query)["returnUrl"].ToString());
        Assert.Equal("/connect/authorize", authorize.AbsolutePath);
        var request = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(WebSignIn.ClientId, request["client_id"].ToString());
        Assert.Equal("code", request["response_type"].ToString());
        Assert.Equal("S256", request["code_challenge_method"].ToString());
        Assert.Equal("http://localhost/signin-callback", request["redirect_uri"].ToString());
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/portal", landed.Headers.Location?.OriginalString);
        var cookie = Assert.Single(landed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lowcode.web=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(mine.Items("items"));
        Assert.All(mine.Items("items"), t => Assert.Equal("u-wang", t.Text("requesterId")));
    }

    [Fact]
    public async Task The_sign_in_pages_own_cookie_opens_no_page_and_no_api()
    {
        using var browser = host.CreateBrowser();

        using var signedIn = await browser.SubmitSignInAsync(DemoPeople.Analyst.UserName, DemoPeople.Analyst.Password, "/designer");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("lowcode.auth=", StringComparison.Ordinal));
        await browser.GetAsync("/api/tickets/").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("/signin", (await browser.RedirectAsync("/designer")).AbsolutePath);
    }

    [Theory]
    [InlineData("forged-state")]
    [InlineData("")]
    public async Task The_callback_refuses_a_state_this_browser_was_not_given(string state)
    {
        using var browser = host.CreateBrowser();
        var start = await browser.RedirectAsync("/signin?returnUrl=%2Fportal"); // a real sign-in is pending in this browser

        using var response = await browser.GetAsync($"/signin-callback?code=anything&state={state}");

        Assert.Equal("/connect/authorize", start.AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired or was not started in this browser", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("lowcode.web=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://evil.example/signin-callback")]
    [InlineData("http://localhost/portal")]
    [InlineData("http://localhost.evil.example/signin-callback")]
    public async Task The_web_client_never_sends_a_code_anywhere_but_this_sites_callback(string redirectUri)
    {
        using var browser = await host.SignInAsync(DemoPeople.Analyst);
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = WebSignIn.ClientId, ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = "openid",
            ["state"] = "s", ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", ["code_challenge_method"] = "S256",
        });

        using var response = await browser.GetAsync(authorize);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_return_address_after_sign_in_stays_on_this_site()
    {
        using var browser = host.CreateBrowser();
        var person = DemoPeople.ZhangSan;

        using var landed = await browser.SignInThroughSiteAsync(person.UserName, person.Password, "/signin?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/", landed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Locking_a_person_ends_their_tokens_at_once_and_their_site_session_at_the_next_check()
    {
        var person = await host.CreatePersonAsync();
        using var site = await host.SignInAsync(person);
        var tokens = await host.PersonTokensAsync(person);
        using var bearer = host.CreateClientWithToken(tokens.AccessToken);
        await site.GetAsync("/api/tickets/?pageSize=1").ExpectAsync(HttpStatusCode.OK);
        await bearer.GetAsync("/api/tickets/?pageSize=1").ExpectAsync(HttpStatusCode.OK);

        using (var admin = await host.SignInAsync(DemoPeople.Administrator))
            await admin.PostAsync($"/api/users/{person.Id}/lock", null).ExpectAsync(HttpStatusCode.OK);
        host.Clock.Advance(WebSession.CheckInterval + TimeSpan.FromSeconds(1));

        await bearer.GetAsync("/api/tickets/?pageSize=1").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        await site.GetAsync("/api/tickets/?pageSize=1").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        using var refreshed = await host.CreateClientWithoutToken().RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        using var again = host.CreateBrowser();
        using var refused = await again.SubmitSignInAsync(person.UserName, person.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // locked: the right password does not help

        using (var admin = await host.SignInAsync(DemoPeople.Administrator))
            await admin.PostAsync($"/api/users/{person.Id}/unlock", null).ExpectAsync(HttpStatusCode.OK);
        using var back = await host.SignInAsync(person);
        await back.GetAsync("/api/tickets/?pageSize=1").ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_site_session_keeps_working_across_its_minute_checks_while_the_person_may_sign_in()
    {
        var person = await host.CreatePersonAsync();
        using var site = await host.SignInAsync(person);

        for (var minute = 0; minute < 3; minute++)
        {
            host.Clock.Advance(WebSession.CheckInterval + TimeSpan.FromSeconds(1));
            await site.GetAsync("/api/tickets/?pageSize=1").ExpectAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_site_session_and_the_sign_in_pages_session()
    {
        using var browser = await host.SignInAsync(DemoPeople.Manager);
        using var page = await browser.GetAsync("/account/login"); // any page with the antiforgery field
        var field = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), """name="__RequestVerificationToken" value="([^"]+)""");

        using var signedOut = await browser.PostFormAsync("/account/logout", ("__RequestVerificationToken", WebUtility.HtmlDecode(field.Groups[1].Value)));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await browser.GetAsync("/api/tickets/").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        // Not signed in at the authorization server either: a page sends the browser to the sign-in form again.
        var next = await browser.RedirectAsync("/portal");
        next = await browser.RedirectAsync(next.PathAndQuery);
        Assert.Equal("/account/login", (await browser.RedirectAsync(next.PathAndQuery)).AbsolutePath);
    }

    [Fact]
    public async Task Signing_out_by_a_plain_link_only_asks_for_confirmation()
    {
        using var browser = await host.SignInAsync(DemoPeople.Manager);

        using var link = await browser.GetAsync("/connect/logout");

        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Contains("data-action=\"confirm-sign-out\"", await link.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await browser.GetAsync("/api/tickets/?pageSize=1").ExpectAsync(HttpStatusCode.OK);
    }
}
