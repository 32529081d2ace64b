using Microsoft.Extensions.Configuration;
using LowCode.Grains.Attachments;
using LowCode.Grains.Effects;
using LowCode.Grains.Submissions;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.TicketTypes;
using LowCode.Grains.Timers;
using LowCode.Runtime.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LowCode.Grains.Hosting;

/// <summary>Everything a LowCode silo needs: storage, the services grains use, and start-up work.</summary>
public static class LowCodeGrainsHosting
{
    /// <summary>Configures storage (schema applied as the silo starts) and the services grains use.</summary>
    public static ISiloBuilder AddLowCodeGrains(this ISiloBuilder silo, StorageOptions storage)
    {
        silo.AddLowCodeStorage(storage);
        var services = silo.Services;
        // Failure detection (e.g. LowCode:Membership:ProbeTimeout, :NumMissedProbesLimit) — Orleans' defaults otherwise.
        services.Configure<Orleans.Configuration.ClusterMembershipOptions>(silo.Configuration.GetSection("LowCode:Membership"));
        services.AddLowCodeSerialization();
        services.AddSingleton<TicketReadModel>();
        services.AddSingleton<ProjectionBatcher>();
        services.AddSingleton<AttachmentCatalog>();
        services.AddSingleton<FormSubmissions>();
        services.AddSingleton<CalendarCatalog>();
        services.AddSingleton<PlanCache>();
        services.AddSingleton<EffectRunner>();
        services.AddLowCodeDispatch();
        services.AddSingleton(new TimerWakeUp(UseReminders: storage.Kind == StorageKind.Postgres));
        services.AddHttpClient("lowcode-outbound");
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ReadModelSchema>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TimerBootstrap>();
        services.AddSingleton(storage);
        services.AddSingleton<Tickets.TicketRecovery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<Tickets.TicketRecovery>());
        if (services.All(d => d.ServiceType != typeof(TicketClock))) services.AddSingleton(TicketClock.System);
        return silo;
    }

    /// <summary>The organisation (teams, departments, agents) and dispatch: ranking, reservations, decision records.</summary>
    private static IServiceCollection AddLowCodeDispatch(this IServiceCollection services) => services
        .AddSingleton<Organisation.OrgStore>()
        .AddSingleton<Organisation.OrgDirectory>()
        .AddSingleton<Organisation.OrgService>()
        .AddSingleton<Organisation.IPeopleDirectory, Organisation.AnyoneExists>()
        .AddSingleton<Dispatch.AgentLoadBoard>()
        .AddSingleton<Dispatch.DispatchPolicies>()
        .AddSingleton<Dispatch.DispatchPools>()
        .AddSingleton<Dispatch.Dispatcher>()
        .AddSingleton<Dispatch.OrgRelations>()
        .AddSingleton<Dispatch.TaskAssignments>();

    /// <summary>Grain messages travel as JSON with the engine's options; silos and clients both need this.</summary>
    public static IServiceCollection AddLowCodeSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(IsMessageType, IsMessageType, o => o.Configure(json => json.SerializerOptions = LowCodeJson.Options)));

    /// <summary>Grain messages that travel as JSON: the engine's and the form library's types, and the grain contracts.</summary>
    private static bool IsMessageType(Type type) =>
        type.Assembly == typeof(LowCodeJson).Assembly || type.Assembly == typeof(LowCode.Forms.Schema.FormSchema).Assembly
        || type.Namespace == typeof(Contracts.CreateTicket).Namespace;

    /// <summary>Creates the read model tables before grains run (Orleans' own tables are applied by AddLowCodeStorage).</summary>
    private sealed class ReadModelSchema(TicketReadModel readModel, CalendarCatalog calendars) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(ReadModelSchema), ServiceLifecycleStage.First, async ct =>
            {
                await readModel.ApplySchemaAsync(ct);
                await calendars.RefreshAsync(force: true, ct); // the stored calendars, before any ticket type compiles
            }, _ => Task.CompletedTask);
    }
}
