using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        // So do asset lookups whose source is a path on this site (/api/assets).
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(TokenBackchannel.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            services.AddHttpClient(LowCode.Server.Ui.HttpOptionSource.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        });
    }

    /// <summary>
    /// Starts the host and waits for its own start signal (ApplicationStarted: the silo, the identity seed and
    /// the demo data are up), checks that /health answers 200, then gets the integration client's token that
    /// every client of <see cref="WebApplicationFactory{T}.CreateClient()"/> sends.
    /// </summary>
    public async Task InitializeAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var client = CreateClientWithoutToken();
        using (var health = await client.GetAsync("/health"))
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"/health answers {(int)health.StatusCode} after start: {await health.Content.ReadAsStringAsync()}");
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
