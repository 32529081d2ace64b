using System.Data.Common;
using System.Threading.Channels;
using LowCode.Grains.ReadModel;
using Microsoft.Extensions.Logging;

namespace LowCode.Grains.Storage;

/// <summary>Work that runs inside a transaction the <see cref="GroupCommit"/> writer owns.</summary>
public delegate Task<T> TransactionWork<T>(DbConnection connection, DbTransaction transaction, CancellationToken ct);

/// <summary>
/// Group commit: the silo's one writer. Whatever writes are waiting (up to <see cref="MaxBatch"/>) run in one
/// transaction, each inside its own savepoint — a write that fails (stale ETag, bad data) is rolled back alone
/// and its caller gets the error — then the transaction commits once and every caller is answered. A caller is
/// never answered before the commit, so "acknowledged" still means "on disk". Alone, a write commits at once
/// (there is no timer); under load, many writes share one commit (and one fsync).
/// </summary>
public sealed partial class GroupCommit : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly LowCodeDatabase _database;
    private readonly ILogger<GroupCommit> _log;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private DbConnection? _connection; // kept open between batches; reopened after a failure

    public GroupCommit(LowCodeDatabase database, ILogger<GroupCommit> log)
    {
        _database = database;
        _log = log;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Runs <paramref name="work"/> in the next batch; completes with its result once that batch is committed.</summary>
    public Task<T> RunAsync<T>(TransactionWork<T> work)
    {
        var item = new Work<T>(work);
        if (!_queue.Writer.TryWrite(item)) throw new ObjectDisposedException(nameof(GroupCommit), "The silo's database writer has stopped.");
        return item.Done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Work>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var work)) batch.Add(work);
            if (batch.Count == 0) continue;
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e)
            {
                // The commit itself (or a rollback) failed: nothing of this batch is known to be stored.
                LogBatchFailed(e, batch.Count);
                foreach (var work in batch) work.Fail(e);
                await DropConnectionAsync();
            }
            batch.Clear();
        }
        await DropConnectionAsync();
    }

    private async Task CommitAsync(List<Work> batch)
    {
        var connection = _connection ??= await OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (batch.Count == 1)
        {
            // Alone: no savepoint needed, a failure rolls back the whole transaction.
            try
            {
                await batch[0].RunAsync(connection, tx);
            }
            catch (Exception e)
            {
                await tx.RollbackAsync();
                batch[0].Fail(e);
                return;
            }
        }
        else
        {
            foreach (var work in batch) await RunInSavepointAsync(connection, tx, work);
        }
        await tx.CommitAsync();
        foreach (var work in batch) work.Complete();
    }

    private static async Task RunInSavepointAsync(DbConnection connection, DbTransaction tx, Work work)
    {
        await Execute(connection, tx, "SAVEPOINT lc_write");
        try
        {
            await work.RunAsync(connection, tx);
            await Execute(connection, tx, "RELEASE SAVEPOINT lc_write");
        }
        catch (Exception e)
        {
            await Execute(connection, tx, "ROLLBACK TO SAVEPOINT lc_write");
            await Execute(connection, tx, "RELEASE SAVEPOINT lc_write");
            work.Failed = e;
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        // SQLite: LowCodeDatabase sets synchronous=FULL (WAL is set in the file), so every commit is fsynced.
        var connection = await _database.OpenAsync();
        if (_database.Kind == StorageKind.Postgres) await Execute(connection, null, "SET synchronous_commit = on");
        return connection;
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is null) return;
        try { await _connection.DisposeAsync(); }
        catch (Exception e) { LogCloseFailed(e); }
        _connection = null;
    }

    private static async Task Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        await using var command = LowCodeDatabase.Command(connection, sql, tx);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} write(s) failed; none of them is stored")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the writer's connection after a failure failed")]
    private partial void LogCloseFailed(Exception exception);

    private abstract class Work
    {
        /// <summary>Set when the work failed inside its savepoint: the others of the batch still commit.</summary>
        public Exception? Failed { get; set; }
        public abstract Task RunAsync(DbConnection connection, DbTransaction tx);
        public abstract void Complete();
        public abstract void Fail(Exception e);
    }

    private sealed class Work<T>(TransactionWork<T> work) : Work
    {
        private T? _result;
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override async Task RunAsync(DbConnection connection, DbTransaction tx) => _result = await work(connection, tx, CancellationToken.None);
        public override void Complete()
        {
            if (Failed is { } e) Done.TrySetException(e);
            else Done.TrySetResult(_result!);
        }
        public override void Fail(Exception e) => Done.TrySetException(e);
    }
}
