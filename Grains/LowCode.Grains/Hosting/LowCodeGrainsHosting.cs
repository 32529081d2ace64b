using LowCode.Grains.Effects;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.TicketTypes;
using LowCode.Grains.Timers;
using LowCode.Runtime.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace LowCode.Grains.Hosting;

/// <summary>Everything a LowCode silo needs: storage, the services grains use, and start-up work.</summary>
public static class LowCodeGrainsHosting
{
    /// <summary>
    /// Configures storage and grain services. Call <see cref="AddLowCodeStartup"/> on the service
    /// collection before <c>UseOrleans</c> so the schema exists before the silo starts.
    /// </summary>
    public static ISiloBuilder AddLowCodeGrains(this ISiloBuilder silo, StorageOptions storage)
    {
        silo.AddLowCodeStorage(storage);
        var services = silo.Services;
        services.AddSerializer(s => s.AddJsonSerializer(IsMessageType, IsMessageType, o => o.Configure(json => json.SerializerOptions = LowCodeJson.Options)));
        services.AddSingleton(new LowCodeDatabase(storage.Kind, storage.ConnectionString));
        services.AddSingleton<TicketReadModel>();
        services.AddSingleton<CalendarCatalog>();
        services.AddSingleton<PlanCache>();
        services.AddSingleton<EffectRunner>();
        services.AddSingleton(new TimerWakeUp(UseReminders: storage.Kind == StorageKind.Postgres));
        services.AddHttpClient("lowcode-outbound");
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TimerBootstrap>();
        return silo;
    }

    /// <summary>Applies Orleans' and LowCode's schema before anything else starts.</summary>
    public static IServiceCollection AddLowCodeStartup(this IServiceCollection services, StorageOptions storage)
    {
        services.TryAddTimeProvider();
        return services.AddHostedService(sp => new SchemaStartup(storage));
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Grain messages that travel as JSON: the engine's types and the grain contracts.</summary>
    private static bool IsMessageType(Type type) =>
        type.Assembly == typeof(LowCodeJson).Assembly || type.Namespace == typeof(Contracts.CreateTicket).Namespace;

    private sealed class SchemaStartup(StorageOptions storage) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await OrleansSchema.ApplyAsync(storage.Kind, storage.ConnectionString, ct);
            await new TicketReadModel(new LowCodeDatabase(storage.Kind, storage.ConnectionString)).ApplySchemaAsync(ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
