using System.Collections.Immutable;

namespace LowCode.Runtime.Execution;

/// <summary>
/// The deterministic interpreter: <c>(plan, state, input) → (new state, effects)</c>.
/// It reads no clock, touches no storage and performs no I/O; hosts store the new state and then
/// perform the effects. A refused input throws <see cref="EngineException"/> and changes nothing.
/// </summary>
public static class WorkflowEngine
{
    /// <summary>Automatic steps one input may take before the engine assumes a runaway loop.</summary>
    public const int MaxAutomaticSteps = 1000;

    /// <summary>Creates a ticket: the start node runs and the flow advances to its first waits.</summary>
    public static EngineResult Start(ExecutionPlan plan, string ticketId, StartTicket input)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(ticketId)) throw new EngineException(EngineError.InvalidInput, "A ticket id is required.");
        var state = new TicketState
        {
            TicketId = ticketId,
            TicketType = plan.TicketType,
            Version = plan.Version,
            Priority = string.IsNullOrWhiteSpace(input.Priority) ? "P3" : input.Priority,
            Title = input.Title ?? "",
            Requester = input.Requester ?? Expressions.Context.PersonInfo.Nobody,
            CreatedAt = input.At,
            Form = input.Form ?? ImmutableDictionary<string, object?>.Empty,
            Vars = plan.InitialVariables,
        };
        var run = new Run(plan, state, input);
        run.Begin();
        return run.Finish();
    }

    /// <summary>Applies an input to an existing ticket.</summary>
    public static EngineResult Apply(ExecutionPlan plan, TicketState state, WorkflowInput input)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input is StartTicket) throw new EngineException(EngineError.Conflict, $"Ticket {state.TicketId} has already started.");
        if (state.TicketType != plan.TicketType || state.Version != plan.Version)
            throw new EngineException(EngineError.Conflict,
                $"Ticket {state.TicketId} runs {state.TicketType} v{state.Version}, not {plan.TicketType} v{plan.Version}.");
        var run = new Run(plan, state, input);
        run.Handle(input);
        return run.Finish();
    }
}
