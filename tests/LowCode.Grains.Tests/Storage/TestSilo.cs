using System.Net;
using System.Net.Sockets;
using LowCode.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace LowCode.Grains.Tests.Storage;

/// <summary>A real host with one silo configured by <see cref="SiloStorageExtensions.AddLowCodeStorage"/>.</summary>
internal sealed class TestSilo(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();
    public string Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    public static async Task<TestSilo> StartAsync(StorageOptions options, Action<ISiloBuilder>? configure = null)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleans(silo =>
            {
                silo.AddLowCodeStorage(options);
                configure?.Invoke(silo);
            })
            .Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new TestSilo(host);
    }

    /// <summary>Options for one silo of a test cluster, on free loopback ports.</summary>
    public static StorageOptions Options(StorageKind kind, string connectionString, string cluster) => new()
    {
        Kind = kind,
        ConnectionString = connectionString,
        SiloPort = FreePort(),
        GatewayPort = FreePort(),
        ClusterId = cluster,
        ServiceId = cluster,
    };

    private bool _stopped;

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
