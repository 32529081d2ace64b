using LowCode.Grains.Contracts;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.Tickets;

/// <summary>
/// One ticket (key: ticket id). It runs the engine for every command, stores the new state before it
/// answers, then performs the effects (read model, timers, child tickets, calls out).
/// </summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Opens the ticket; calling again (same idempotency key, so same id) returns the existing ticket.</summary>
    Task<CommandOutcome<TicketSnapshot>> Create(CreateTicket command);

    /// <summary>Completes, assigns, cancels, retries… The input's time is set by the grain.</summary>
    Task<CommandOutcome<TicketSnapshot>> Apply(WorkflowInput input);

    Task<CommandOutcome<TicketSnapshot>> Comment(TicketComment comment);

    Task<TicketSnapshot?> Get();

    /// <summary>A durable deadline fell due. Unknown or already-fired timers are ignored.</summary>
    Task FireTimer(string timerId);
}
