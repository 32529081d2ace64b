namespace LowCode.Grains.Storage;

/// <summary>How a LowCode silo stores its state and finds the other silos.</summary>
public sealed class StorageOptions
{
    public StorageKind Kind { get; set; } = StorageKind.Sqlite;

    /// <summary>A Microsoft.Data.Sqlite connection string (<c>Data Source=lowcode.db</c>) or an Npgsql one.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Port for silo-to-silo traffic, bound on the loopback address.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for external Orleans clients, bound on the loopback address.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Silos with the same cluster id form one cluster (one deployment).</summary>
    public string ClusterId { get; set; } = "lowcode";

    /// <summary>Stored state and reminders belong to the service id; keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "lowcode";

    /// <summary>False when the host supplies membership itself (the Orleans TestingHost does).</summary>
    public bool ConfigureClustering { get; set; } = true;
}
