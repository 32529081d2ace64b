using System.Globalization;

namespace LowCode.Grains.Storage;

/// <summary>
/// What a grain's ETag says about where its state was read from: a row of <c>lc_grain_state</c> ("7"), a row an
/// earlier version stored in Orleans' own table ("orleans:7": the next write moves it here and counts on from 7),
/// or nothing at all (no ETag: the next write inserts version 1).
/// </summary>
public readonly record struct StoredVersion(long Version, bool InThisTable)
{
    private const string LegacyPrefix = "orleans:";

    public static StoredVersion Parse(string? etag)
    {
        if (string.IsNullOrEmpty(etag)) return new(0, InThisTable: false);
        var legacy = etag.StartsWith(LegacyPrefix, StringComparison.Ordinal);
        var number = long.Parse(legacy ? etag.AsSpan(LegacyPrefix.Length) : etag, NumberStyles.None, CultureInfo.InvariantCulture);
        return new(number, InThisTable: !legacy);
    }

    /// <summary>The ETag of a state read from Orleans' table, whose provider gave <paramref name="orleansETag"/>.</summary>
    public static string? FromLegacy(string? orleansETag) => orleansETag is null ? null : LegacyPrefix + orleansETag;

    public static string ETagOf(long version) => version.ToString(CultureInfo.InvariantCulture);
}
