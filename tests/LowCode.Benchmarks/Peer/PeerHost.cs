using LowCode.Benchmarks.Harness;
using LowCode.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace LowCode.Benchmarks.Peer;

/// <summary>Where the peer keeps its workflows: Workflow Core's own in-memory provider, or ours on SQLite / PostgreSQL.</summary>
public enum PeerStorage { Memory, Sqlite, Postgres }

/// <summary>
/// A Workflow Core host in this process running <see cref="RepairFlow"/>: its defaults (single-node queue
/// and locks, 4 concurrent workflows on 2 cores), with either the default <c>IdleTime</c> (100 ms) or a
/// tuned 1 ms. A stage counts as done when the provider has stored it (<see cref="CommittedStages"/>).
/// </summary>
public sealed class PeerHost : IAsyncDisposable
{
    public static readonly TimeSpan TunedIdleTime = TimeSpan.FromMilliseconds(1);

    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private readonly CommittedStages _stages;
    private volatile bool _stopping; // stopping cancels work in flight, which Workflow Core logs as errors

    private PeerHost(ServiceProvider services, CommittedStages stages, Store? store) =>
        (_services, _host, _stages, Store) = (services, services.GetRequiredService<IWorkflowHost>(), stages, store);

    public Store? Store { get; }

    public static string Label(PeerStorage storage, bool tuned) =>
        $"Workflow Core {(storage == PeerStorage.Memory ? "in memory" : storage == PeerStorage.Sqlite ? "SQLite" : "PostgreSQL")}, IdleTime {(tuned ? "1 ms" : "100 ms (default)")}";

    public static Task<PeerHost> SharedAsync(RunContext run, PeerStorage storage, bool tuned) =>
        run.OnceAsync($"peer-host:{storage}:{tuned}", async () =>
        {
            var store = storage switch
            {
                PeerStorage.Sqlite => await run.NewStoreAsync(StorageKind.Sqlite, "peer"),
                PeerStorage.Postgres => await run.NewStoreAsync(StorageKind.Postgres, "peer"),
                _ => null,
            };
            return run.Own(Start(store, tuned));
        });

    public static PeerHost Start(Store? store, bool tuned)
    {
        IPersistenceProvider inner = store is null ? new MemoryPersistenceProvider() : new SqlPersistenceProvider(store);
        var stages = new CommittedStages(inner);
        PeerHost? peer = null;
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter(level => level >= LogLevel.Error && peer?._stopping != true))
            .AddWorkflow(options =>
            {
                options.UsePersistence(_ => stages);
                if (tuned) options.UseIdleTime(TunedIdleTime);
            })
            .BuildServiceProvider();
        peer = new PeerHost(services, stages, store);
        peer._host.RegisterWorkflow<RepairFlow, RepairData>();
        peer._host.Start();
        return peer;
    }

    /// <summary>Starts a repair workflow and returns once its "opened" stage (waiting for the repair) is stored.</summary>
    public async Task OpenAsync(string ticket, CancellationToken ct = default)
    {
        var opened = _stages.WaitAsync(ticket, "opened", ct);
        await _host.StartWorkflow("equipment-repair", 1, new RepairData { TicketId = ticket });
        await opened;
    }

    public async Task RepairedAsync(string ticket, CancellationToken ct = default)
    {
        var stored = _stages.WaitAsync(ticket, "repaired", ct);
        await _host.PublishEvent(RepairFlow.RepairDone, ticket, new Dictionary<string, object> { ["RepairNotes"] = "replaced contactor" });
        await stored;
    }

    public async Task PassedAsync(string ticket, CancellationToken ct = default)
    {
        var stored = _stages.WaitAsync(ticket, "closed", ct);
        await _host.PublishEvent(RepairFlow.QualityDone, ticket, new Dictionary<string, object> { ["QualityNotes"] = "ok" });
        await stored;
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _host.Stop();
        await _services.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
    }
}
