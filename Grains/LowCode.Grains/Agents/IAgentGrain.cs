namespace LowCode.Grains.Agents;

/// <summary>
/// One agent (key: user id), owner of their live workload. Calls are handled one at a time, so a
/// reservation checks and takes capacity in one step: however many dispatchers ask at once, the load
/// never goes above capacity. Each task is held at most once ("ticket/task" reference), so repeats are harmless.
/// </summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds the task when the agent is available and its weight fits; otherwise says why not. With
    /// <paramref name="ifLoadAtMost"/>, also refuses (<see cref="ReservationOutcome.Busier"/>) when more is in
    /// use than that: the caller ranked by a load that has since grown, and may prefer someone else.
    /// </summary>
    Task<Reservation> TryReserve(string taskRef, int weight, int? ifLoadAtMost = null);

    /// <summary>Lets go of the task (done, cancelled, reassigned); unknown references are ignored.</summary>
    Task<AgentWorkload> Release(string taskRef);

    Task<AgentWorkload> GetWorkload();

    /// <summary>The profile was changed or removed: read it again.</summary>
    Task ProfileChanged();
}
