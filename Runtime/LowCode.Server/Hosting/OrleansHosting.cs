using LowCode.Grains.Hosting;
using LowCode.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace LowCode.Server.Hosting;

/// <summary>Co-hosts the Orleans silo: embedded SQLite by default, a PostgreSQL cluster when configured.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddLowCodeOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LowCodeOptions>().BindConfiguration(LowCodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(LowCodeOptions.Section).Get<LowCodeOptions>() ?? new LowCodeOptions();
        var storage = StorageFor(options, builder.Environment.ContentRootPath);

        builder.UseOrleans(silo => silo.AddLowCodeGrains(storage));
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        return builder;
    }

    internal static StorageOptions StorageFor(LowCodeOptions options, string contentRoot)
    {
        if (options.Storage == StorageKind.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("LowCode:Storage is Postgres but LowCode:ConnectionString is empty.");
        var connectionString = options.Storage == StorageKind.Postgres ? options.ConnectionString : SqliteConnectionString(options, contentRoot);
        return new StorageOptions
        {
            Kind = options.Storage,
            ConnectionString = connectionString,
            SiloPort = options.SiloPort,
            GatewayPort = options.GatewayPort,
            ClusterId = options.ClusterId,
            ServiceId = options.ServiceId,
        };
    }

    public static string DataFolder(LowCodeOptions options, string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(options.DataPath) ? options.DataPath : Path.Combine(contentRoot, options.DataPath));

    private static string SqliteConnectionString(LowCodeOptions options, string contentRoot)
    {
        var folder = DataFolder(options, contentRoot);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "lowcode.db"), Pooling = true }.ToString();
    }
}
