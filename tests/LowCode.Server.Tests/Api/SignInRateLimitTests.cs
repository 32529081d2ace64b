using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Password guessing is slowed down: sign-in attempts beyond the configured rate are refused before they are checked.</summary>
public sealed class SignInRateLimitTests(RateLimitedLowCodeHost host) : IClassFixture<RateLimitedLowCodeHost>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_permitted_rate_are_refused_with_429()
    {
        using var browser = host.CreateBrowser();
        var answers = new List<HttpStatusCode>();

        // The window is real time (one minute): even if it turns over once during the attempts, twice the permit plus one meets the limit.
        for (var attempt = 0; attempt < 2 * RateLimitedLowCodeHost.Permit + 1 && !answers.Contains(HttpStatusCode.TooManyRequests); attempt++)
        {
            using var response = await browser.SubmitSignInAsync("nobody", "Not-the-password1");
            answers.Add(response.StatusCode);
        }
        using var rightPassword = await browser.SubmitSignInAsync(DemoPeople.Analyst.UserName, DemoPeople.Analyst.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.All(answers[..^1], a => Assert.Equal(HttpStatusCode.BadRequest, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
    }
}
