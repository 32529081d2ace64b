using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>The sign-in page: a cookie for the right password, nothing for a wrong one or a forged form, lockout, no open redirects, security headers.</summary>
public sealed class SignInTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    [Fact]
    public async Task A_wrong_password_shows_the_page_again_with_an_error_and_signs_no_one_in()
    {
        using var browser = host.CreateBrowser();

        using var response = await browser.SubmitSignInAsync(DemoPeople.Analyst.UserName, "Not-the-password1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("lowcode.auth=", StringComparison.Ordinal)));
        await browser.GetAsync("/api/tickets/").ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        using var browser = host.CreateBrowser();

        using var response = await browser.PostFormAsync("/account/login",
            ("username", DemoPeople.Analyst.UserName), ("password", DemoPeople.Analyst.Password), ("returnUrl", "/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await browser.GetAsync("/api/tickets/").ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task Signing_in_never_returns_to_another_site(string returnUrl)
    {
        using var browser = host.CreateBrowser();

        using var response = await browser.SubmitSignInAsync(DemoPeople.Analyst.UserName, DemoPeople.Analyst.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task After_five_failed_sign_ins_even_the_right_password_is_refused()
    {
        var person = await host.CreatePersonAsync();
        using var browser = host.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await browser.SubmitSignInAsync(person.UserName, $"Wrong-password-{attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        using var sixth = await browser.SubmitSignInAsync(person.UserName, person.Password);

        Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
        Assert.Contains("locked", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await host.IsLockedOutAsync(person));
        await browser.GetAsync("/api/tickets/").ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/tickets/")]
    [InlineData("/health")]
    public async Task Every_response_forbids_framing_and_sniffing_and_limits_the_referrer(string url)
    {
        using var browser = host.CreateBrowser();

        using var response = await browser.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
