using LowCode.Grains.Contracts;
using LowCode.Grains.Storage;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.ReadModel;

/// <summary>
/// Projects a ticket whose state is already stored, through the silo's <see cref="GroupCommit"/> writer (so it
/// shares commits with other writes; one that fails fails alone). A transition normally reaches the read model in
/// the same transaction as its state (<see cref="Tickets.TicketGrainState.PendingProjection"/>); this path is for
/// an outbox performed again — at activation after a crash, or on a retry — where projecting twice is harmless.
/// </summary>
public sealed class ProjectionBatcher(GroupCommit writer)
{
    /// <summary>Completes when the projection is committed (or fails with the reason it could not be).</summary>
    public Task ProjectAsync(TicketState ticket, ParentLink? parent, IReadOnlyList<WorkflowEffect> effects) =>
        writer.RunAsync(async (connection, tx, ct) =>
        {
            await TicketReadModel.ProjectAsync(connection, tx, ticket, parent, effects, ct);
            return true;
        });
}
