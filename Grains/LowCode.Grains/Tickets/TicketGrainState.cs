using LowCode.Grains.Contracts;
using System.Text.Json.Serialization;
using LowCode.Grains.Dispatch;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.Tickets;

/// <summary>
/// Stored state of a ticket grain: the engine's state, the effects not yet known to be performed
/// (a transactional outbox, stored in the same write), and links the engine does not know about.
/// A write that carries a transition also carries its read-model projection (<see cref="IProjectedState"/>).
/// </summary>
public sealed class TicketGrainState : IProjectedState
{
    public TicketState? Ticket { get; set; }
    public List<WorkflowEffect> Outbox { get; set; } = [];
    public ParentLink? Parent { get; set; }
    public long Comments { get; set; }
    /// <summary>Agents holding capacity for this ticket's tasks; released (and removed) once a task closes or moves.</summary>
    public List<CapacityHold> Holds { get; set; } = [];
    /// <summary>Fingerprint of the create request, to recognise a retried create.</summary>
    public string? CreatedFrom { get; set; }

    /// <summary>Set by the grain for a write that stores a transition: the read model follows in the same transaction. Not stored.</summary>
    [JsonIgnore]
    public bool ProjectWithNextWrite { get; set; }

    /// <summary>The ticket as it is now, with the outbox's timeline and notifications (all idempotent upserts).</summary>
    public TransactionWork<bool>? PendingProjection()
    {
        if (!ProjectWithNextWrite || Ticket is not { } ticket) return null;
        var (parent, effects) = (Parent, Outbox.ToArray());
        return async (connection, tx, ct) =>
        {
            await TicketReadModel.ProjectAsync(connection, tx, ticket, parent, effects, ct);
            return true;
        };
    }
}
