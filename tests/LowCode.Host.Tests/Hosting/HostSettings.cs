namespace LowCode.Host.Tests.Hosting;

/// <summary>How one host process is configured: everything goes on its command line.</summary>
public sealed record HostSettings(string DataPath, int HttpPort, int SiloPort, int GatewayPort)
{
    /// <summary>The integration client every test host creates at start-up (client credentials, all API scopes).</summary>
    public const string ClientId = "host-tests";
    public const string ClientSecret = "host-tests-secret";
    public const string ClientScopes = "tickets.read tickets.write ticket-types.read ticket-types.write";

    public bool SeedDemoData { get; init; }

    /// <summary>Null for the embedded SQLite mode; a PostgreSQL connection string for cluster mode.</summary>
    public string? PostgresConnectionString { get; init; }

    public string? ClusterId { get; init; }
    public string? ServiceId { get; init; }

    /// <summary>A host on free ports with its own data folder.</summary>
    public static HostSettings OnFreePorts(string dataPath)
    {
        var ports = FreePorts.Take(3);
        return new HostSettings(dataPath, ports[0], ports[1], ports[2]);
    }

    public IReadOnlyList<string> Arguments()
    {
        var args = new List<string>
        {
            "--urls", $"http://127.0.0.1:{HttpPort}",
            "--LowCode:DataPath=" + DataPath,
            $"--LowCode:SiloPort={SiloPort}",
            $"--LowCode:GatewayPort={GatewayPort}",
            "--LowCode:SeedDemoData=" + (SeedDemoData ? "true" : "false"),
            "--LowCode:Clients:0:Id=" + ClientId,
            "--LowCode:Clients:0:Secret=" + ClientSecret,
            "--LowCode:Clients:0:Scopes=" + ClientScopes,
        };
        if (PostgresConnectionString is not null)
        {
            args.Add("--LowCode:Storage=Postgres");
            args.Add("--LowCode:ConnectionString=" + PostgresConnectionString);
        }
        if (ClusterId is not null) args.Add("--LowCode:ClusterId=" + ClusterId);
        if (ServiceId is not null) args.Add("--LowCode:ServiceId=" + ServiceId);
        return args;
    }
}
