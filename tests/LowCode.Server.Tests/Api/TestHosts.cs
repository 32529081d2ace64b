using LowCode.Grains.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LowCode.Server.Tests.Api;

/// <summary>The host with a ticket clock the test moves; token lifetimes follow it (OpenIddict takes its time from the ticket clock).</summary>
public sealed class ClockedLowCodeHost : LowCodeHost
{
    /// <summary>Starts at the real now, so that anything still reading the system clock agrees with it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new TicketClock(Clock)));
    }
}

/// <summary>The host with a sign-in rate limit low enough to reach.</summary>
public sealed class RateLimitedLowCodeHost : LowCodeHost
{
    public const int Permit = 3;

    protected override int SignInPermitPerMinute => Permit;
}

/// <summary>The host with a global upload limit small enough to exceed cheaply.</summary>
public sealed class SmallUploadsLowCodeHost : LowCodeHost
{
    public const int MaxSizeBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("LowCode:Attachments:MaxSizeBytes", MaxSizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
