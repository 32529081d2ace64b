namespace LowCode.Grains.Agents;

/// <summary>How an agent answered a request to hold a task.</summary>
public enum ReservationOutcome
{
    /// <summary>Held now: the workload went up by the task's weight.</summary>
    Reserved,
    /// <summary>Already held for this task (a repeat changes nothing).</summary>
    AlreadyHeld,
    /// <summary>Refused: the task's weight does not fit in the free capacity.</summary>
    Full,
    /// <summary>Refused: more in use than the caller's ranking assumed (another silo dispatched meanwhile); <see cref="Reservation.Load"/> is the truth.</summary>
    Busier,
    /// <summary>Refused: off duty, outside the shift, or out of office (see the delegate).</summary>
    Unavailable,
    /// <summary>The person has no agent profile, so no workload is kept for them.</summary>
    NotAnAgent,
}

/// <summary>The agent's answer to <see cref="IAgentGrain.TryReserve"/>, with its workload after it.</summary>
[GenerateSerializer, Immutable]
public sealed record Reservation
{
    [Id(0)] public ReservationOutcome Outcome { get; init; }
    [Id(1)] public int Load { get; init; }
    [Id(2)] public int Capacity { get; init; }
    /// <summary>Why it was refused, in words ("full: 5 of 5 in use", "out of office until 3 Mar").</summary>
    [Id(3)] public string? Reason { get; init; }
    /// <summary>Who takes the agent's work while they are out of office.</summary>
    [Id(4)] public string? Delegate { get; init; }

    /// <summary>The task is held by this agent (or needs no holding: not an agent).</summary>
    public bool Holds => Outcome is ReservationOutcome.Reserved or ReservationOutcome.AlreadyHeld;
}
