using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LowCode.Browser.Tests.Hosting;

/// <summary>
/// The real host on Kestrel (a free loopback port) so a browser can reach it: co-hosted silo on free
/// ports, SQLite in a fresh temp folder, demo people, ticket types and tickets seeded.
/// </summary>
public sealed class LowCodeServer : WebApplicationFactory<Program>
{
    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"lowcode-browser-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("LowCode:Storage", "Sqlite");
        builder.UseSetting("LowCode:DataPath", DataPath);
        builder.UseSetting("LowCode:SiloPort", FreeTcpPort());
        builder.UseSetting("LowCode:GatewayPort", FreeTcpPort());
        builder.UseSetting("LowCode:SeedDemoData", "true");
        builder.UseSetting("LowCode:Security:SignInPermitPerMinute", "200"); // every test signs in through the form
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private static string FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
