using System.Security.Claims;
using LowCode.Grains.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace LowCode.Server.Identity;

/// <summary>
/// Lets the host call its own API as the person on an interactive page (an asset lookup pointing at <c>/api/assets</c>):
/// a site-session cookie for that person, protected like the real one and valid for one minute, counted as just
/// checked by <see cref="WebSession"/>. It is sent only to this site's own address and never reaches a browser.
/// </summary>
public sealed class SelfCallCookie(IOptionsMonitor<CookieAuthenticationOptions> cookies, TicketClock clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>The <c>Cookie</c> header value for the person; null for nobody or an integration client.</summary>
    public string? HeaderFor(ClaimsPrincipal person)
    {
        if (Caller.From(person) is not { Id.Length: > 0, IsClient: false }) return null;
        var options = cookies.Get(WebSignIn.Scheme);
        var properties = new AuthenticationProperties { ExpiresUtc = (options.TimeProvider ?? TimeProvider.System).GetUtcNow() + Lifetime, AllowRefresh = false };
        WebSession.Store(properties, new WebTokens("", null), clock.Now);
        var ticket = new AuthenticationTicket(person, properties, WebSignIn.Scheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
