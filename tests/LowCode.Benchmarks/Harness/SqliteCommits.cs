using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowCode.Benchmarks.Harness;

/// <summary>
/// Counts real SQLite commits in this process, whoever makes them (the Orleans ADO.NET provider, the read
/// model, the peer engine's provider). SQLite calls an auto-extension on every connection it opens; ours
/// installs a commit hook there. SQLite calls a commit hook only when a transaction that took the write
/// lock commits (read-only transactions never call it), and this hook also tells whether the transaction
/// changed any row (<c>sqlite3_total_changes</c> grew since the connection's previous commit): an
/// <c>UPDATE</c> that matched nothing still takes the write lock and commits, but writes no WAL frame.
/// </summary>
public static unsafe class SqliteCommits
{
    private const string Library = "e_sqlite3"; // the native library Microsoft.Data.Sqlite's bundle loads
    private static long _commits;
    private static long _writingCommits;
    private static readonly ConcurrentDictionary<nint, long> ChangesSeen = new();
    private static int _installed;

    /// <summary>Write-lock transactions committed so far.</summary>
    public static long Commits => Interlocked.Read(ref _commits);

    /// <summary>Committed transactions that changed at least one row.</summary>
    public static long WritingCommits => Interlocked.Read(ref _writingCommits);

    /// <summary>Installs the hook for every connection opened from now on; call before any SQLite connection is opened.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        SQLitePCL.Batteries_V2.Init();
        var rc = sqlite3_auto_extension(&OnOpen);
        if (rc != 0) throw new InvalidOperationException($"sqlite3_auto_extension failed with {rc}.");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnOpen(nint db, nint errorMessage, nint api)
    {
        sqlite3_commit_hook(db, &OnCommit, db);
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommit(nint db)
    {
        Interlocked.Increment(ref _commits);
        // Called while the statement completes (before the changes counter of a later statement moves).
        var total = sqlite3_total_changes64(db);
        var previous = ChangesSeen.TryGetValue(db, out var seen) && seen <= total ? seen : 0;
        ChangesSeen[db] = total;
        if (total > previous) Interlocked.Increment(ref _writingCommits);
        return 0; // 0 lets the commit proceed
    }

    [DllImport(Library)]
    private static extern int sqlite3_auto_extension(delegate* unmanaged[Cdecl]<nint, nint, nint, int> entryPoint);

    [DllImport(Library)]
    private static extern nint sqlite3_commit_hook(nint db, delegate* unmanaged[Cdecl]<nint, int> callback, nint argument);

    [DllImport(Library)]
    private static extern long sqlite3_total_changes64(nint db);
}
