namespace LowCode.Grains.Organisation;

/// <summary>
/// Counts the org writes this process has committed (every <see cref="OrgStore"/>, whatever database), so an
/// <see cref="OrgDirectory"/> can tell that nothing changed here without asking the database. Writes made by
/// other processes are not seen here: the directory still asks the database for them, at most every
/// <see cref="OrgDirectory.RecheckAfter"/>.
/// </summary>
public static class OrgWrites
{
    private static long _committed;

    /// <summary>How many org writes this process has committed so far.</summary>
    public static long Committed => Volatile.Read(ref _committed);

    internal static void Commit() => Interlocked.Increment(ref _committed);
}
