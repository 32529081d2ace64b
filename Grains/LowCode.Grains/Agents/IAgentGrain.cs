namespace LowCode.Grains.Agents;

/// <summary>
/// One agent (key: user id), owner of their live workload. Calls are handled one at a time, so a
/// reservation checks and takes capacity in one step: however many dispatchers ask at once, the load
/// never goes above capacity. Each task is held at most once ("ticket/task" reference), so repeats are harmless.
/// </summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Holds the task when the agent is available and its weight fits; otherwise says why not.</summary>
    Task<Reservation> TryReserve(string taskRef, int weight);

    /// <summary>Lets go of the task (done, cancelled, reassigned); unknown references are ignored.</summary>
    Task<AgentWorkload> Release(string taskRef);

    Task<AgentWorkload> GetWorkload();

    /// <summary>The profile was changed or removed: read it again.</summary>
    Task ProfileChanged();
}
