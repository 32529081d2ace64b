using System.Collections.Concurrent;
using LowCode.Grains.ReadModel;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace LowCode.Grains.Storage;

/// <summary>
/// The "tickets" grain storage: state as System.Text.Json in <c>lc_grain_state</c>, written through the silo's
/// <see cref="GroupCommit"/> writer, so writes of many grains share one commit, and a state that brings
/// read-model rows along (<see cref="IProjectedState"/>) stores them in the same savepoint. The ETag is the
/// row's version; a stale one raises <see cref="InconsistentStateException"/> and changes nothing.
/// A grain with no row here is read from Orleans' ADO.NET table (<paramref name="legacy"/>), where earlier
/// versions stored it; its next write moves it here.
/// </summary>
public sealed class LowCodeGrainStorage(
    string serviceId, GroupCommit writer, LowCodeDatabase database, IGrainStorageSerializer serializer, IActivatorProvider activators, IGrainStorage legacy)
    : IGrainStorage
{
    // Per state name: may Orleans' table hold rows of it? Nothing writes new ones there, so a "no" stays true,
    // and new grains skip that second lookup.
    private readonly ConcurrentDictionary<string, Task<bool>> _legacyRows = new();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        GrainStateRow? row;
        await using (var connection = await database.OpenAsync())
            row = await GrainStateRows.ReadAsync(connection, Key(stateName, grainId));
        if (row is null)
        {
            await ReadLegacyAsync(stateName, grainId, grainState);
            return;
        }
        grainState.State = row.State is null ? activators.GetActivator<T>().Create() : serializer.Deserialize<T>(BinaryData.FromString(row.State))!;
        grainState.ETag = StoredVersion.ETagOf(row.Version);
        grainState.RecordExists = row.State is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Serialized and captured now: the grain may change its state once it is answered.
        var json = serializer.Serialize(grainState.State).ToString();
        var projection = (grainState.State as IProjectedState)?.PendingProjection();
        var version = await StoreAsync(stateName, grainId, grainState.ETag, json, projection);
        grainState.ETag = StoredVersion.ETagOf(version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // The row stays (state NULL, version + 1), so the ETag keeps counting and a stale writer is still refused.
        var version = await StoreAsync(stateName, grainId, grainState.ETag, null, null);
        grainState.ETag = StoredVersion.ETagOf(version);
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    private Task<long> StoreAsync(string stateName, GrainId grainId, string? etag, string? json, TransactionWork<bool>? projection)
    {
        var key = Key(stateName, grainId);
        var expected = StoredVersion.Parse(etag);
        return writer.RunAsync(async (connection, tx, ct) =>
        {
            var version = await GrainStateRows.WriteAsync(connection, tx, key, expected, json, ct)
                ?? throw new InconsistentStateException(
                    $"Version conflict: grain state '{stateName}' of {grainId} (service '{serviceId}') was written by someone else since ETag '{etag ?? "none"}' was read.",
                    storedEtag: "unknown", currentEtag: etag ?? "none");
            if (projection is not null) await projection(connection, tx, ct); // same savepoint: both or neither
            return version;
        });
    }

    private async Task ReadLegacyAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var check = _legacyRows.GetOrAdd(stateName, LegacyRowsExistAsync);
        try
        {
            if (!await check) return;
        }
        catch
        {
            _legacyRows.TryRemove(new(stateName, check)); // ask again next time
            throw;
        }
        await legacy.ReadStateAsync(stateName, grainId, grainState);
        grainState.ETag = StoredVersion.FromLegacy(grainState.ETag);
    }

    private async Task<bool> LegacyRowsExistAsync(string stateName)
    {
        await using var connection = await database.OpenAsync();
        await using var command = LowCodeDatabase.Command(connection,
            "SELECT 1 FROM OrleansStorage WHERE ServiceId = @service AND GrainTypeString = @type LIMIT 1", null,
            ("@service", serviceId), ("@type", stateName));
        return await command.ExecuteScalarAsync() is not null;
    }

    private GrainStateKey Key(string stateName, GrainId grainId) => new(serviceId, stateName, grainId.ToString());
}
