using System.Diagnostics;

namespace LowCode.Grains.Organisation;

/// <summary>
/// This silo's copy of the organisation. A write made in this process (<see cref="OrgWrites"/>) is seen by the
/// next use; a write made by another process is seen within <see cref="RecheckAfter"/>, when the org version is
/// read again (one small query) and the snapshot reloaded if it moved on. Between the two, dispatch asks no SQL.
/// Safety does not rest on it: capacity and availability are checked again by the agent grain.
/// </summary>
public sealed class OrgDirectory(OrgStore store)
{
    /// <summary>How long a version read from the database is trusted when this process wrote nothing to the org since.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMilliseconds(250);

    private sealed record Checked(OrgSnapshot Snapshot, long Writes, long At);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Checked _checked = new(OrgSnapshot.Empty, -1, 0);

    public async Task<OrgSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        var last = Volatile.Read(ref _checked);
        var writes = OrgWrites.Committed;
        var at = Stopwatch.GetTimestamp();
        if (last.Writes == writes && Stopwatch.GetElapsedTime(last.At, at) < RecheckAfter) return last.Snapshot;

        var version = await store.VersionAsync(ct);
        if (last.Snapshot.Version == version)
        {
            // Only when nobody has checked meanwhile: a newer look (or a newer snapshot) is not overwritten.
            Interlocked.CompareExchange(ref _checked, new Checked(last.Snapshot, writes, at), last);
            return last.Snapshot;
        }
        await _loading.WaitAsync(ct);
        try
        {
            var current = Volatile.Read(ref _checked).Snapshot;
            if (current.Version < version) current = await store.LoadAsync(ct);
            Volatile.Write(ref _checked, new Checked(current, writes, at));
            return current;
        }
        finally
        {
            _loading.Release();
        }
    }
}
