using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Dispatch;

/// <summary>An agent dispatch may try, in order: its score under the strategy and its place.</summary>
public sealed record RankedCandidate(AgentInfo Agent, decimal Score, int Rank)
{
    /// <summary>The out-of-office agent this one stands in for as delegate.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>Share of capacity in use, 0 to 1 (ties on score go to the less loaded).</summary>
    public decimal Utilisation => UtilisationOf(Agent);

    public static decimal UtilisationOf(AgentInfo agent) => agent.Capacity <= 0 ? 1 : Math.Min(1, (decimal)agent.OpenTasks / agent.Capacity);
}
