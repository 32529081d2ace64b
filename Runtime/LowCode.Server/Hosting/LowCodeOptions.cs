using System.ComponentModel.DataAnnotations;
using LowCode.Grains.Storage;

namespace LowCode.Server.Hosting;

/// <summary>The <c>LowCode</c> configuration section.</summary>
public sealed class LowCodeOptions
{
    public const string Section = "LowCode";

    /// <summary>Sqlite (embedded, one process) or Postgres (cluster).</summary>
    public StorageKind Storage { get; set; } = StorageKind.Sqlite;

    /// <summary>Folder for the SQLite database and uploaded files; relative paths are under the content root.</summary>
    [Required] public string DataPath { get; set; } = "data";

    /// <summary>PostgreSQL connection string (cluster mode); ignored for SQLite.</summary>
    public string ConnectionString { get; set; } = "";

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;
    [Required] public string ClusterId { get; set; } = "lowcode";
    [Required] public string ServiceId { get; set; } = "lowcode";

    /// <summary>Seed demo ticket types, people and tickets into an empty database.</summary>
    public bool SeedDemoData { get; set; } = true;
}
