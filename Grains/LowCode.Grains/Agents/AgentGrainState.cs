namespace LowCode.Grains.Agents;

/// <summary>
/// Stored state of an agent grain: the tasks held with their weights, and the peak load. The profile
/// (capacity, availability) is the org tables', read at activation and when told it changed.
/// </summary>
public sealed class AgentGrainState
{
    public Dictionary<string, int> Held { get; set; } = new(StringComparer.Ordinal);
    public int Peak { get; set; }
}
