using LowCode.Grains.Contracts;
using LowCode.Grains.Dispatch;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.Tickets;

/// <summary>
/// Stored state of a ticket grain: the engine's state, the effects not yet known to be performed
/// (a transactional outbox, stored in the same write), and links the engine does not know about.
/// </summary>
public sealed class TicketGrainState
{
    public TicketState? Ticket { get; set; }
    public List<WorkflowEffect> Outbox { get; set; } = [];
    public ParentLink? Parent { get; set; }
    public long Comments { get; set; }
    /// <summary>Agents holding capacity for this ticket's tasks; released (and removed) once a task closes or moves.</summary>
    public List<CapacityHold> Holds { get; set; } = [];
    /// <summary>Fingerprint of the create request, to recognise a retried create.</summary>
    public string? CreatedFrom { get; set; }
}
