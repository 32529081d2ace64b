namespace LowCode.Runtime.Definitions;

/// <summary>Exclusive gateway: the first branch whose expression is true wins; otherwise "default".</summary>
public sealed record ConditionNode : Node
{
    public List<ConditionBranch> Branches { get; init; } = [];

    protected override string GetKind() => NodeKinds.Condition;

    public override IEnumerable<string> OutcomePorts() => Branches.Select(b => b.Port).Append(Ports.Default);
}

public sealed record ConditionBranch(string Port, string When)
{
    public string? Label { get; init; }
}
