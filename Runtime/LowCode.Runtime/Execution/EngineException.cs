namespace LowCode.Runtime.Execution;

/// <summary>An input the engine refuses. The state given to the engine is untouched.</summary>
public sealed class EngineException(EngineError error, string message) : Exception(message)
{
    public EngineError Error { get; } = error;
}

public enum EngineError
{
    /// <summary>The input is malformed (missing comment, unknown action). Maps to 400/422.</summary>
    InvalidInput,
    /// <summary>The ticket or task does not exist. Maps to 404.</summary>
    NotFound,
    /// <summary>The input conflicts with the current state (task already completed, ticket closed). Maps to 409.</summary>
    Conflict,
}

/// <summary>The new state and the work the host must do, in order.</summary>
public readonly record struct EngineResult(TicketState State, IReadOnlyList<WorkflowEffect> Effects);
