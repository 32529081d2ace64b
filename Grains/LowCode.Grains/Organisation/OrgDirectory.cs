namespace LowCode.Grains.Organisation;

/// <summary>
/// This silo's copy of the organisation. Each use reads the org version (one small query) and reloads
/// the snapshot only when another write — on any silo — moved it on, so dispatch and the API never act
/// on a stale org. Safety does not rest on it: capacity and availability are checked again by the agent grain.
/// </summary>
public sealed class OrgDirectory(OrgStore store)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile OrgSnapshot _current = OrgSnapshot.Empty;

    public async Task<OrgSnapshot> CurrentAsync(CancellationToken ct = default)
    {
        var version = await store.VersionAsync(ct);
        if (_current.Version == version) return _current;
        await _loading.WaitAsync(ct);
        try
        {
            if (_current.Version < version) _current = await store.LoadAsync(ct);
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }
}
