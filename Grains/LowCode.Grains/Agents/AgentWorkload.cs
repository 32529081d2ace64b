namespace LowCode.Grains.Agents;

/// <summary>An agent's live workload: units in use against capacity, the tasks held, and the highest load ever reached.</summary>
[GenerateSerializer, Immutable]
public sealed record AgentWorkload
{
    [Id(0)] public string AgentId { get; init; } = "";
    [Id(1)] public bool IsAgent { get; init; }
    [Id(2)] public int Load { get; init; }
    [Id(3)] public int Capacity { get; init; }
    /// <summary>The highest load this agent ever held (never above capacity).</summary>
    [Id(4)] public int Peak { get; init; }
    /// <summary>Held tasks as "ticket/task" with their weight.</summary>
    [Id(5)] public IReadOnlyDictionary<string, int> Held { get; init; } = new Dictionary<string, int>();
    /// <summary>available, offDuty, outsideShift or outOfOffice — now, on the ticket clock.</summary>
    [Id(6)] public string Availability { get; init; } = "";
}
