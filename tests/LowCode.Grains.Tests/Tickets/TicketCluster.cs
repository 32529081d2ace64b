using System.Collections.Immutable;
using LowCode.Grains.Attachments;
using LowCode.Grains.Hosting;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.TicketTypes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;
using Xunit;

namespace LowCode.Grains.Tests.Tickets;

/// <summary>
/// A two-silo Orleans test cluster running the real LowCode grains on a SQLite file, with ticket time
/// on a fake clock. Both reference ticket types are published once the cluster is up.
/// </summary>
public sealed class TicketCluster : IAsyncLifetime
{
    /// <summary>Ticket time; Orleans itself keeps real time. Shared by the in-process silos.</summary>
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)); // Monday 09:00 in Shanghai

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lowcode-grains-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.GrainFactory;
    public string Database => Path.Combine(_folder, "lowcode.db");

    public int Silos { get; init; } = 2;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var builder = new TestClusterBuilder((short)Silos);
        builder.Properties["LowCode:Db"] = Database;
        builder.AddSiloBuilderConfigurator<Silo>();
        builder.AddClientBuilderConfigurator<Client>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        foreach (var type in new[] { ReferenceTicketTypes.EquipmentRepair(), ReferenceTicketTypes.ExpenseApproval() })
        {
            var grain = Grains.GetGrain<ITicketTypeGrain>(type.Key);
            await grain.SaveDraft(type, "test");
            Assert.True((await grain.Publish("test")).Succeeded);
        }
    }

    /// <summary>The attachment rows, as the upload API writes them (the grains never read the bytes).</summary>
    public AttachmentCatalog Attachments => new(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={Database}"));

    /// <summary>Records an attachment as uploaded by <paramref name="uploader"/>; returns the reference a form sends: just its id.</summary>
    public async Task<ImmutableDictionary<string, object?>> UploadedAsync(string uploader, string name, string contentType, long size = 120_000)
    {
        var attachment = new AttachmentRecord(AttachmentIds.New(), name, contentType, size, new string('0', 64), uploader, Clock.GetUtcNow());
        await Attachments.AddAsync(attachment);
        return ImmutableDictionary<string, object?>.Empty.Add("id", attachment.Id);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class Client : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.Services.AddLowCodeSerialization();
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(new TicketClock(Clock));
            silo.AddLowCodeGrains(new StorageOptions
            {
                Kind = StorageKind.Sqlite,
                ConnectionString = $"Data Source={silo.Configuration["LowCode:Db"]}",
                ConfigureClustering = false,
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TicketClusterCollection : ICollectionFixture<TicketCluster>
{
    public const string Name = "ticket cluster";
}
