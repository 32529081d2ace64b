using System.Net;
using LowCode.Grains.ReadModel;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace LowCode.Grains.Storage;

public static class SiloStorageExtensions
{
    /// <summary>The grain storage tickets declare: <c>[PersistentState("ticket", TicketStorage)]</c>.</summary>
    public const string TicketStorage = "tickets";

    /// <summary>Orleans' ADO.NET storage over the table earlier versions kept "tickets" in; read-only fallback of <see cref="LowCodeGrainStorage"/>.</summary>
    internal const string LegacyTicketStorage = "tickets-orleans-adonet";

    // Orleans maps the invariant "System.Data.SQLite" to Microsoft.Data.Sqlite.SqliteFactory by
    // reflection (Assembly.Load + the static Instance field), so no DbProviderFactories
    // registration is needed; the name "Microsoft.Data.Sqlite" is unknown to it and fails start-up.
    private const string SqliteInvariant = "System.Data.SQLite";
    private const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Configures where the silo keeps grain state (storage "tickets" and the default storage),
    /// how it finds other silos and where reminders live, and applies the Orleans schema when the
    /// silo starts, before any provider reads it.
    /// <list type="bullet">
    /// <item>SQLite (embedded): one silo with localhost clustering on loopback; no Orleans reminders
    /// (LowCode keeps its own durable timer table).</item>
    /// <item>PostgreSQL (cluster): ADO.NET clustering with endpoints on loopback, ADO.NET reminders.</item>
    /// </list>
    /// It also lowers the <c>Polly</c> log category to Warning (it logs every placement at
    /// Information); a host that wants those logs can add its own rule for that category.
    /// </summary>
    public static ISiloBuilder AddLowCodeStorage(this ISiloBuilder silo, StorageOptions options)
    {
        Validate(options);
        var (kind, connectionString) = (options.Kind, options.ConnectionString);
        var invariant = kind == StorageKind.Postgres ? PostgresInvariant : SqliteInvariant;

        silo.AddStartupTask((_, ct) => OrleansSchema.ApplyAsync(kind, connectionString, ct), ServiceLifecycleStage.First);
        if (options.ConfigureClustering)
            silo.Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (options.ClusterId, options.ServiceId));

        // State is stored as plain System.Text.Json. The Orleans default (Newtonsoft with
        // assembly-qualified type names) cannot be switched later without making stored rows unreadable.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddAdoNetGrainStorage(LegacyTicketStorage, storage => (storage.Invariant, storage.ConnectionString) = (invariant, connectionString));
        silo.AddTicketStorage(kind, connectionString);
        silo.AddAdoNetGrainStorageAsDefault(storage => (storage.Invariant, storage.ConnectionString) = (invariant, connectionString));

        if (!options.ConfigureClustering)
        {
            if (kind == StorageKind.Postgres)
                silo.UseAdoNetReminderService(reminders => (reminders.Invariant, reminders.ConnectionString) = (invariant, connectionString));
        }
        else if (kind == StorageKind.Sqlite)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }
        else
        {
            // Without an explicit address Orleans advertises the primary network address.
            silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort);
            silo.UseAdoNetClustering(clustering => (clustering.Invariant, clustering.ConnectionString) = (invariant, connectionString));
            silo.UseAdoNetReminderService(reminders => (reminders.Invariant, reminders.ConnectionString) = (invariant, connectionString));
        }

        silo.Services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.Warning));
        return silo;
    }

    /// <summary>
    /// "tickets" is <see cref="LowCodeGrainStorage"/>: one group-commit writer per silo, ticket state and its read
    /// model in one transaction. The default storage (other grains) stays Orleans' ADO.NET provider.
    /// </summary>
    private static void AddTicketStorage(this ISiloBuilder silo, StorageKind kind, string connectionString)
    {
        silo.Services.TryAddSingleton(new LowCodeDatabase(kind, connectionString));
        silo.Services.TryAddSingleton<GroupCommit>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(TicketStorage, (sp, _) => new LowCodeGrainStorage(
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<GroupCommit>(),
            sp.GetRequiredService<LowCodeDatabase>(),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<IActivatorProvider>(),
            sp.GetRequiredKeyedService<IGrainStorage>(LegacyTicketStorage)));
    }

    private static void Validate(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Kind))
            throw new ArgumentException($"Storage kind '{options.Kind}' is not one of {string.Join(", ", Enum.GetNames<StorageKind>())}.", nameof(options));
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new ArgumentException($"{nameof(StorageOptions.ConnectionString)} is empty; {options.Kind} storage needs one.", nameof(options));
        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
            throw new ArgumentException($"{nameof(StorageOptions.ClusterId)} and {nameof(StorageOptions.ServiceId)} must not be empty.", nameof(options));
        foreach (var (name, port) in new[] { (nameof(StorageOptions.SiloPort), options.SiloPort), (nameof(StorageOptions.GatewayPort), options.GatewayPort) })
        {
            if (port is < 1 or > 65535)
                throw new ArgumentException($"{name} {port} is not a TCP port (1-65535).", nameof(options));
        }
        if (options.SiloPort == options.GatewayPort)
            throw new ArgumentException($"{nameof(StorageOptions.SiloPort)} and {nameof(StorageOptions.GatewayPort)} are both {options.SiloPort}; they must differ.", nameof(options));
    }
}
