using System.Collections.Concurrent;
using LowCode.Grains.Storage;

namespace LowCode.Benchmarks.Harness;

/// <summary>
/// What the scenarios of one run share: options, the report, the PostgreSQL server (when it answers),
/// and baselines measured once and reused — e.g. the storage ceiling that the durable rows divide by,
/// or the peer engine's figures that the LowCode rows are compared with.
/// </summary>
public sealed class RunContext(BenchOptions options, Report report, Postgres? postgres, string? postgresMissing) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _measured = new();
    private readonly List<IAsyncDisposable> _owned = [];

    public BenchOptions Options { get; } = options;
    public Report Report { get; } = report;

    /// <summary>The server for PostgreSQL-mode rows, or null (then <see cref="PostgresMissing"/> says why).</summary>
    public Postgres? Postgres { get; } = postgres;
    public string? PostgresMissing { get; } = postgresMissing;

    /// <summary>The storage kinds this run measures: SQLite always, PostgreSQL when a server answers.</summary>
    public IEnumerable<StorageKind> Kinds => Postgres is null ? [StorageKind.Sqlite] : [StorageKind.Sqlite, StorageKind.Postgres];

    /// <summary>Measures once per run under <paramref name="key"/>; later callers get the same result.</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> measure) where T : notnull =>
        (T)await _measured.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await measure())).Value;

    /// <summary>Keeps something (a host, a database) until the run ends.</summary>
    public T Own<T>(T thing) where T : IAsyncDisposable
    {
        lock (_owned) _owned.Add(thing);
        return thing;
    }

    public async Task<Store> NewStoreAsync(StorageKind kind, string purpose) => kind == StorageKind.Sqlite
        ? Store.Sqlite(purpose)
        : await Store.PostgresAsync(Postgres ?? throw new InvalidOperationException(PostgresMissing), purpose);

    /// <summary>Adds a skipped row for PostgreSQL when no server answers.</summary>
    public void SkipPostgres(string scenario, string metric) =>
        Report.Skip(scenario, metric + " (PostgreSQL)", PostgresMissing ?? "PostgreSQL disabled");

    public async ValueTask DisposeAsync()
    {
        List<IAsyncDisposable> owned;
        lock (_owned) { owned = [.. _owned]; owned.Reverse(); _owned.Clear(); }
        foreach (var thing in owned)
        {
            try { await thing.DisposeAsync(); }
            catch (Exception e) { Console.Error.WriteLine($"  cleanup: {e.GetType().Name}: {e.Message}"); }
        }
    }
}
