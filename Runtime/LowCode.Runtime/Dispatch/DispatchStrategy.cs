namespace LowCode.Runtime.Dispatch;

/// <summary>How a dispatch rule orders the agents that pass its filter.</summary>
public enum DispatchStrategy
{
    /// <summary>The lowest share of capacity in use first ("leastLoaded").</summary>
    LeastLoaded,
    /// <summary>Take turns: each task starts one place further along the candidates ("roundRobin").</summary>
    RoundRobin,
    /// <summary>The highest level in the rule's skill first ("bestSkillScore").</summary>
    BestSkillScore,
    /// <summary>The highest value of the rule's score expression first ("expressionScore").</summary>
    ExpressionScore,
    /// <summary>Nobody is chosen: the task is offered to the team's queue for claiming ("queue").</summary>
    Queue,
}

/// <summary>The names rules use for strategies (as in the ticket type JSON).</summary>
public static class DispatchStrategies
{
    public static readonly IReadOnlyList<string> Names = ["leastLoaded", "roundRobin", "bestSkillScore", "expressionScore", "queue"];

    public static bool TryParse(string? name, out DispatchStrategy strategy)
    {
        var index = name is null ? -1 : Names.ToList().IndexOf(name);
        strategy = index < 0 ? default : (DispatchStrategy)index;
        return index >= 0;
    }

    public static string Name(DispatchStrategy strategy) => Names[(int)strategy];
}
