using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.Tickets;

/// <summary>
/// After a crash, tickets whose last transition was stored but whose effects (read model, timers,
/// child tickets) may not have been performed would wait until someone touched them. When the silo
/// becomes active this finds the stored tickets that still hold an outbox and activates them, in the
/// background; activation performs the outbox again (every effect is idempotent).
/// </summary>
public sealed class TicketRecovery(LowCodeDatabase database, IOptions<ClusterOptions> cluster, IGrainFactory grains, ILogger<TicketRecovery> log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TicketRecovery), ServiceLifecycleStage.Active, ct =>
        {
            _ = Task.Run(RecoverAsync);
            return Task.CompletedTask;
        }, _ => Task.CompletedTask);

    private async Task RecoverAsync()
    {
        try
        {
            var pending = await PendingAsync();
            foreach (var batch in pending.Chunk(32))
                await Task.WhenAll(batch.Select(id => grains.GetGrain<ITicketGrain>(id).Get()));
            if (pending.Count > 0) log.LogInformation("Recovered {Count} ticket(s) with effects still to perform", pending.Count);
        }
        catch (Exception e)
        {
            log.LogError(e, "Ticket recovery sweep failed; those tickets recover when next used");
        }
    }

    /// <summary>
    /// Ids of stored tickets whose outbox is not empty (the JSON state is read in the database): rows of
    /// lc_grain_state, and rows earlier versions left in Orleans' table that have not moved yet.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var sql = database.Kind == StorageKind.Postgres
            ? """
              SELECT substr(grain_id, 8) FROM lc_grain_state
              WHERE service_id = @service AND grain_type = 'ticket' AND grain_id LIKE 'ticket/%' AND state IS NOT NULL
                AND jsonb_array_length(state::jsonb -> 'Outbox') > 0
              UNION
              SELECT o.grainidextensionstring FROM orleansstorage o
              WHERE o.serviceid = @service AND o.graintypestring = 'ticket' AND o.payloadbinary IS NOT NULL
                AND jsonb_array_length(convert_from(o.payloadbinary, 'UTF8')::jsonb -> 'Outbox') > 0
                AND NOT EXISTS (SELECT 1 FROM lc_grain_state g WHERE g.service_id = o.serviceid AND g.grain_type = 'ticket'
                                AND g.grain_id = 'ticket/' || o.grainidextensionstring)
              """
            : """
              SELECT substr(grain_id, 8) FROM lc_grain_state
              WHERE service_id = @service AND grain_type = 'ticket' AND grain_id LIKE 'ticket/%' AND state IS NOT NULL
                AND json_array_length(state, '$.Outbox') > 0
              UNION
              SELECT o.GrainIdExtensionString FROM OrleansStorage o
              WHERE o.ServiceId = @service AND o.GrainTypeString = 'ticket' AND o.PayloadBinary IS NOT NULL
                AND json_array_length(CAST(o.PayloadBinary AS TEXT), '$.Outbox') > 0
                AND NOT EXISTS (SELECT 1 FROM lc_grain_state g WHERE g.service_id = o.ServiceId AND g.grain_type = 'ticket'
                                AND g.grain_id = 'ticket/' || o.GrainIdExtensionString)
              """;
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, sql, null, ("@service", cluster.Value.ServiceId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) if (!reader.IsDBNull(0)) ids.Add(reader.GetString(0));
        return ids;
    }
}
