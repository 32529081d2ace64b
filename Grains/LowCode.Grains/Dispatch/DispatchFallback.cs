namespace LowCode.Grains.Dispatch;

/// <summary>What a rule does when no candidate with room takes the task.</summary>
public enum DispatchFallback
{
    /// <summary>Offer it to the fallback team's queue, for whoever claims it first ("queue").</summary>
    Queue,
    /// <summary>Give it to the fallback team's lead (within the lead's capacity when they are an agent), else the queue ("teamLead").</summary>
    TeamLead,
    /// <summary>Offer it to the queue and notify the team lead that nobody could take it ("escalate").</summary>
    Escalate,
}

public static class DispatchFallbacks
{
    public static readonly IReadOnlyList<string> Names = ["queue", "teamLead", "escalate"];

    public static bool TryParse(string? name, out DispatchFallback fallback)
    {
        var index = string.IsNullOrEmpty(name) ? 0 : Names.ToList().IndexOf(name);
        fallback = index < 0 ? default : (DispatchFallback)index;
        return index >= 0;
    }

    public static string Name(DispatchFallback fallback) => Names[(int)fallback];
}
