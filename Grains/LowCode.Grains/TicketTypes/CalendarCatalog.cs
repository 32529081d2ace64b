using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Grains.ReadModel;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Json;
using LowCode.Runtime.Samples;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// The business calendars ticket types may use: the built-in ones (China mainland 2026 work days, 24 × 7)
/// and those administrators add or change, stored in <c>lc_calendars</c>. Every instance re-reads the
/// stored ones when they changed, at most every <see cref="RefreshInterval"/>; plans compiled with an
/// older set are compiled again (see <see cref="PlanCache"/>), so a new holiday reaches running tickets.
/// </summary>
public sealed class CalendarCatalog(LowCodeDatabase? database = null)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private static readonly ImmutableDictionary<string, BusinessCalendar> BuiltIn =
        SampleTicketTypes.Calendars.ToImmutableDictionary(StringComparer.Ordinal).SetItem("24x7", BusinessCalendar.AlwaysOpen);

    private ImmutableDictionary<string, BusinessCalendar> _all = BuiltIn;
    private long _stamp = -1;
    private DateTime _checkedAt = DateTime.MinValue;
    private readonly SemaphoreSlim _refresh = new(1, 1);

    public IReadOnlyDictionary<string, BusinessCalendar> All => _all;

    /// <summary>Changes whenever the set of calendars changes; plans remember the one they were compiled with.</summary>
    public long Version => _stamp;

    public static bool IsBuiltIn(string key) => BuiltIn.ContainsKey(key);

    /// <summary>Re-reads the stored calendars when one changed (checked at most every <see cref="RefreshInterval"/>, or now when <paramref name="force"/>).</summary>
    public async Task RefreshAsync(bool force = false, CancellationToken ct = default)
    {
        if (database is null || (!force && DateTime.UtcNow - _checkedAt < RefreshInterval)) return;
        await _refresh.WaitAsync(ct);
        try
        {
            if (!force && DateTime.UtcNow - _checkedAt < RefreshInterval) return; // another caller just checked
            await using var connection = await database.OpenAsync(ct);
            await using (var check = Command(connection, "SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM lc_calendars"))
            await using (var reader = await check.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                var stamp = Convert.ToInt64(reader.GetValue(0)) * 1_000_000_000_000_000 + Convert.ToInt64(reader.GetValue(1));
                _checkedAt = DateTime.UtcNow;
                if (stamp == _stamp) return;
                _stamp = stamp;
            }
            var all = BuiltIn.ToBuilder();
            await using var select = Command(connection, "SELECT definition FROM lc_calendars");
            await using var rows = await select.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                if (JsonSerializer.Deserialize<BusinessCalendar>(rows.GetString(0), LowCodeJson.Options) is { } calendar && !IsBuiltIn(calendar.Key))
                    all[calendar.Key] = calendar;
            _all = all.ToImmutable();
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Adds or replaces a calendar; the caller has validated it and checked that its key is not a built-in one.</summary>
    public async Task SaveAsync(BusinessCalendar calendar, DateTimeOffset at, CancellationToken ct = default)
    {
        if (database is null) throw new InvalidOperationException("Calendars cannot be stored without a database.");
        await using (var connection = await database.OpenAsync(ct))
        await using (var upsert = Command(connection, """
            INSERT INTO lc_calendars (key, definition, updated_at) VALUES (@key, @definition, @at)
            ON CONFLICT (key) DO UPDATE SET definition = excluded.definition,
                updated_at = CASE WHEN excluded.updated_at > lc_calendars.updated_at THEN excluded.updated_at ELSE lc_calendars.updated_at + 1 END
            """, null, ("@key", calendar.Key), ("@definition", JsonSerializer.Serialize(calendar, LowCodeJson.Options)), ("@at", at.ToUnixTimeMilliseconds())))
            await upsert.ExecuteNonQueryAsync(ct);
        await RefreshAsync(force: true, ct);
    }
}
