using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// The real host: co-hosted silo on free ports, SQLite in a fresh temp folder, demo data seeded.
/// One per test class (IClassFixture); several can run side by side.
/// </summary>
public sealed class LowCodeHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"lowcode-api-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("LowCode:Storage", "Sqlite");
        builder.UseSetting("LowCode:DataPath", _dataPath);
        builder.UseSetting("LowCode:SiloPort", FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LowCode:GatewayPort", FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LowCode:SeedDemoData", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Starts the host and waits (bounded) until /health says the silo and the database answer.</summary>
    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"/health still answers {(int)response.StatusCode} after 30 s: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100)); // poll interval of the bounded readiness wait
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataPath, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // pooled SQLite connections may still hold the file
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
