using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LowCode.Benchmarks.Harness;

/// <summary>
/// Counts real SQLite commits in this process, whoever makes them (the Orleans ADO.NET provider, the read
/// model, the peer engine's provider). SQLite calls an auto-extension on every connection it opens; ours
/// installs three hooks there, sharing one flag per connection: the update hook marks the connection's
/// transaction as having changed a row, the commit hook counts the commit (SQLite calls it only for
/// transactions that took the write lock) and whether it changed rows, the rollback hook clears the mark.
/// An <c>UPDATE</c> that matches nothing takes the write lock and commits without writing to the WAL, so
/// only commits that changed rows are the ones that cost a durable write.
/// </summary>
public static unsafe class SqliteCommits
{
    private const string Library = "e_sqlite3"; // the native library Microsoft.Data.Sqlite's bundle loads
    private static long _commits;
    private static long _writingCommits;
    private static int _installed;

    /// <summary>Write-lock transactions committed so far.</summary>
    public static long Commits => Interlocked.Read(ref _commits);

    /// <summary>Committed transactions that changed at least one row (the durable writes).</summary>
    public static long WritingCommits => Interlocked.Read(ref _writingCommits);

    /// <summary>Installs the hooks for every connection opened from now on; call before any SQLite connection is opened.</summary>
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
        // One flag per connection, never freed: connections are pooled, so there are few of them.
        var changed = (int*)NativeMemory.AllocZeroed(sizeof(int));
        sqlite3_update_hook(db, &OnRowChanged, changed);
        sqlite3_commit_hook(db, &OnCommit, changed);
        sqlite3_rollback_hook(db, &OnRollback, changed);
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnRowChanged(int* changed, int operation, nint database, nint table, long rowid) => *changed = 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnCommit(int* changed)
    {
        Interlocked.Increment(ref _commits);
        if (*changed != 0) Interlocked.Increment(ref _writingCommits);
        *changed = 0;
        return 0; // 0 lets the commit proceed
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnRollback(int* changed) => *changed = 0;

    [DllImport(Library)]
    private static extern int sqlite3_auto_extension(delegate* unmanaged[Cdecl]<nint, nint, nint, int> entryPoint);

    [DllImport(Library)]
    private static extern nint sqlite3_update_hook(nint db, delegate* unmanaged[Cdecl]<int*, int, nint, nint, long, void> callback, int* argument);

    [DllImport(Library)]
    private static extern nint sqlite3_commit_hook(nint db, delegate* unmanaged[Cdecl]<int*, int> callback, int* argument);

    [DllImport(Library)]
    private static extern nint sqlite3_rollback_hook(nint db, delegate* unmanaged[Cdecl]<int*, void> callback, int* argument);
}
