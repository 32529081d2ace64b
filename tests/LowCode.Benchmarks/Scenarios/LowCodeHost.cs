using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using LowCode.Benchmarks.Harness;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tickets;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// LowCode's real silo in this process: <c>AddLowCodeGrains</c> with the storage options the server builds
/// (Orleans ADO.NET grain storage, read model, timer shards, effect runner) on a fresh database, the
/// equipment-repair type published. Callers talk to ticket grains directly through the silo's grain
/// factory, as the server's API handlers do (the HTTP layer itself is not in these figures).
/// </summary>
public sealed class LowCodeHost : IAsyncDisposable
{
    public const string RepairType = "equipment-repair";

    public static readonly PersonInfo Requester = new("u-zhang", "Zhang San") { Department = "Production", Region = "SH" };

    public static readonly ImmutableDictionary<string, object?> RepairForm = ImmutableDictionary<string, object?>.Empty
        .Add("Asset", "Press #4").Add("Site", "SH").Add("Category", "electrical").Add("Description", "Motor trips when the press starts");

    private readonly IHost _host;

    private LowCodeHost(IHost host, Store store) => (_host, Store) = (host, store);

    public Store Store { get; }
    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();
    public TicketReadModel ReadModel => _host.Services.GetRequiredService<TicketReadModel>();

    /// <summary>Starts one silo with its own database of <paramref name="kind"/>; kept until the run ends.</summary>
    public static Task<LowCodeHost> SharedAsync(RunContext run, StorageKind kind) =>
        run.OnceAsync($"lowcode-host:{kind}", async () => run.Own(await StartAsync(await run.NewStoreAsync(kind, "lowcode"))));

    /// <summary>Starts a silo on <paramref name="store"/>; <paramref name="services"/> adds to its services (e.g. an observer).</summary>
    public static async Task<LowCodeHost> StartAsync(Store store, Action<IServiceCollection>? services = null)
    {
        var storage = new StorageOptions
        {
            Kind = store.Kind,
            ConnectionString = store.ConnectionString,
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
            ClusterId = "bench-" + Guid.NewGuid().ToString("N")[..8],
            ServiceId = "bench",
        };
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging
                .AddSimpleConsole(o => o.SingleLine = true)
                .AddFilter(level => level >= LogLevel.Error))
            .UseOrleans(silo =>
            {
                silo.AddLowCodeGrains(storage);
                services?.Invoke(silo.Services);
            })
            .Build();
        await host.StartAsync();
        var lowcode = new LowCodeHost(host, store);
        var type = lowcode.Grains.GetGrain<ITicketTypeGrain>(RepairType);
        await type.SaveDraft(ReferenceTicketTypes.EquipmentRepair(), "bench");
        var published = await type.Publish("bench");
        if (!published.Succeeded) throw new InvalidOperationException($"Publishing {RepairType} failed: {published.Message}");
        return lowcode;
    }

    /// <summary>Opens a repair ticket; returns its state once stored and projected (the grain's answer).</summary>
    public async Task<TicketState> OpenAsync(string id)
    {
        var outcome = await Grains.GetGrain<ITicketGrain>(id).Create(new CreateTicket(RepairType, Requester, Requester.Id)
        {
            Form = RepairForm, Title = "Press #4 motor trips",
        });
        return outcome.Succeeded ? outcome.Value!.State : throw new InvalidOperationException($"Create {id}: {outcome.Message}");
    }

    /// <summary>Completes the open task at <paramref name="node"/> with <paramref name="action"/>.</summary>
    public async Task<TicketState> CompleteAsync(TicketState ticket, string node, string action, string actor)
    {
        var task = ticket.OpenTasks.First(t => t.NodeId == node);
        var outcome = await Grains.GetGrain<ITicketGrain>(ticket.TicketId).Apply(new CompleteTask(task.Id, action) { Actor = actor });
        return outcome.Succeeded ? outcome.Value!.State : throw new InvalidOperationException($"Complete {node} of {ticket.TicketId}: {outcome.Message}");
    }

    /// <summary>
    /// Grain state writes so far: the sum of the ETag versions in lc_grain_state, the "tickets" storage (1 when
    /// a row is inserted, +1 per update). Since the read model is written in the same transaction, state
    /// writes can exceed commits under load (group commit).
    /// </summary>
    public async Task<long> StateWritesAsync()
    {
        await using var connection = await ReadModel.Database.OpenAsync();
        await using var command = LowCodeDatabase.Command(connection, "SELECT COALESCE(SUM(version), 0) FROM lc_grain_state");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync(TimeSpan.FromSeconds(20)); }
        finally
        {
            _host.Dispose();
            await Store.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
