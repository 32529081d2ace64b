using System.Data.Common;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.Storage;

/// <summary>Which row of <c>lc_grain_state</c> holds a grain's state.</summary>
public sealed record GrainStateKey(string ServiceId, string StateName, string GrainId);

/// <summary>A stored grain state: its ETag version and JSON (null once cleared).</summary>
public sealed record GrainStateRow(long Version, string? State);

/// <summary>
/// The SQL of <c>lc_grain_state</c>, the same text for SQLite and PostgreSQL. Writes check the ETag in the
/// statement itself (<c>WHERE version = @expected</c>, or an insert that must not find a row), so a stale
/// writer changes nothing and is told so; they run inside a transaction the caller owns.
/// </summary>
public static class GrainStateRows
{
    public static async Task<GrainStateRow?> ReadAsync(DbConnection connection, GrainStateKey key, CancellationToken ct = default)
    {
        await using var command = Command(connection,
            "SELECT version, state FROM lc_grain_state WHERE service_id = @service AND grain_type = @type AND grain_id = @id", null, Key(key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new GrainStateRow(Convert.ToInt64(reader.GetValue(0)), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>
    /// Stores <paramref name="state"/> (null clears it) over the version the writer read: <paramref name="expected"/>
    /// is that version, or null when the writer saw no row at all. Returns the new version, or null when the
    /// ETag was stale (someone else wrote first), in which case nothing changed.
    /// </summary>
    public static async Task<long?> WriteAsync(DbConnection connection, DbTransaction tx, GrainStateKey key, StoredVersion expected, string? state, CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var command = expected.InThisTable
            ? Command(connection, """
                UPDATE lc_grain_state SET version = version + 1, state = @state, updated_at = @now
                WHERE service_id = @service AND grain_type = @type AND grain_id = @id AND version = @expected
                """, tx, [.. Key(key), ("@state", state), ("@now", now), ("@expected", expected.Version)])
            // First write here: a new grain (version 0), or one read from the legacy table, which keeps counting
            // from its legacy version. Of two racing first writers, the primary key lets exactly one insert.
            : Command(connection, """
                INSERT INTO lc_grain_state (service_id, grain_type, grain_id, version, state, updated_at)
                VALUES (@service, @type, @id, @version, @state, @now)
                ON CONFLICT (service_id, grain_type, grain_id) DO NOTHING
                """, tx, [.. Key(key), ("@state", state), ("@now", now), ("@version", expected.Version + 1)]);
        return await command.ExecuteNonQueryAsync(ct) == 1 ? expected.Version + 1 : null;
    }

    private static (string, object?)[] Key(GrainStateKey key) =>
        [("@service", key.ServiceId), ("@type", key.StateName), ("@id", key.GrainId)];
}
