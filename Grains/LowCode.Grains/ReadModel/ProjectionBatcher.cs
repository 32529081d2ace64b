using System.Data.Common;
using System.Threading.Channels;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Execution;
using Microsoft.Extensions.Logging;

namespace LowCode.Grains.ReadModel;

/// <summary>
/// Group commit for the read model: tickets changing at the same moment are projected in one
/// transaction. One writer takes whatever projections are waiting (up to <see cref="MaxBatch"/>),
/// applies each inside a savepoint — a projection that fails is rolled back alone and its caller gets
/// the error — commits once, then answers every caller. Alone, a projection commits by itself at once;
/// under load, commits per transition fall well below one. The ticket's own state is already stored
/// before it is projected, so batching never delays what a caller was promised.
/// </summary>
public sealed class ProjectionBatcher : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private sealed record Work(TicketState Ticket, ParentLink? Parent, IReadOnlyList<WorkflowEffect> Effects)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly LowCodeDatabase _database;
    private readonly ILogger<ProjectionBatcher> _log;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public ProjectionBatcher(LowCodeDatabase database, ILogger<ProjectionBatcher> log)
    {
        _database = database;
        _log = log;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes when the projection is committed (or fails with the reason it could not be).</summary>
    public Task ProjectAsync(TicketState ticket, ParentLink? parent, IReadOnlyList<WorkflowEffect> effects)
    {
        var work = new Work(ticket, parent, effects);
        if (!_queue.Writer.TryWrite(work)) throw new ObjectDisposedException(nameof(ProjectionBatcher), "The read model writer has stopped.");
        return work.Done.Task;
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
                _log.LogWarning(e, "A read model batch of {Count} projection(s) failed to commit", batch.Count);
                foreach (var work in batch) work.Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Work> batch)
    {
        await using var connection = await _database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var failed = new Dictionary<Work, Exception>();
        foreach (var work in batch)
        {
            if (batch.Count == 1)
            {
                await TicketReadModel.ProjectAsync(connection, tx, work.Ticket, work.Parent, work.Effects);
                continue;
            }
            await Execute(connection, tx, "SAVEPOINT projection");
            try
            {
                await TicketReadModel.ProjectAsync(connection, tx, work.Ticket, work.Parent, work.Effects);
                await Execute(connection, tx, "RELEASE SAVEPOINT projection");
            }
            catch (DbException e)
            {
                await Execute(connection, tx, "ROLLBACK TO SAVEPOINT projection");
                await Execute(connection, tx, "RELEASE SAVEPOINT projection");
                failed[work] = e;
            }
        }
        await tx.CommitAsync();
        foreach (var work in batch)
            if (failed.TryGetValue(work, out var error)) work.Done.TrySetException(error);
            else work.Done.TrySetResult();
    }

    private static async Task Execute(DbConnection connection, DbTransaction tx, string sql)
    {
        await using var command = LowCodeDatabase.Command(connection, sql, tx);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
