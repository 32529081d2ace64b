using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// The real host: co-hosted silo on free ports, SQLite in a fresh temp folder, demo data seeded,
/// and the integration clients of <see cref="TestClients"/>. Every client it creates carries the
/// <see cref="TestClients.Integration"/> bearer token, unless asked for one without
/// (<see cref="CreateClientWithoutToken"/>). One per test class (IClassFixture); several can run side by side.
/// </summary>
public class LowCodeHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), $"lowcode-api-{Guid.NewGuid():N}");
    private string? _integrationToken;

    /// <summary>The host's data folder (SQLite database and attachment files).</summary>
    public string DataPath => _dataPath;

    /// <summary>Sign-in and token requests allowed per minute; high so tests never meet it, except where they mean to.</summary>
    protected virtual int SignInPermitPerMinute => 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("LowCode:Storage", "Sqlite");
        builder.UseSetting("LowCode:DataPath", _dataPath);
        builder.UseSetting("LowCode:SiloPort", FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LowCode:GatewayPort", FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("LowCode:SeedDemoData", "true");
        builder.UseSetting("LowCode:Security:SignInPermitPerMinute", SignInPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < TestClients.All.Count; i++)
        {
            builder.UseSetting($"LowCode:Clients:{i}:Id", TestClients.All[i].Id);
            builder.UseSetting($"LowCode:Clients:{i}:Secret", TestClients.All[i].Secret);
            builder.UseSetting($"LowCode:Clients:{i}:Scopes", TestClients.All[i].Scopes);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The web client redeems codes over HTTP at the site's own origin: here that is the in-memory server.
        builder.ConfigureTestServices(services => services.AddHttpClient(TokenBackchannel.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()));
    }

    /// <summary>
    /// Starts the host, waits (bounded) until /health says the silo and the database answer, then
    /// gets the integration client's token that every client of <see cref="WebApplicationFactory{T}.CreateClient()"/> sends.
    /// </summary>
    public async Task InitializeAsync()
    {
        using var client = CreateClientWithoutToken();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK) break;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"/health still answers {(int)response.StatusCode} after 30 s: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(TimeSpan.FromMilliseconds(100)); // poll interval of the bounded readiness wait
        }
        _integrationToken = await client.ClientCredentialsTokenAsync(TestClients.Integration);
    }

    /// <summary>A client that sends no bearer token: anonymous, or a person signing in with cookies.</summary>
    public HttpClient CreateClientWithoutToken(params DelegatingHandler[] handlers)
    {
        var client = CreateDefaultClient(handlers);
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client sending the given bearer token.</summary>
    public HttpClient CreateClientWithToken(string accessToken)
    {
        var client = CreateClientWithoutToken();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_integrationToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _integrationToken);
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
