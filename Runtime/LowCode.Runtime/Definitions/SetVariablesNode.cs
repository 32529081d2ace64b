namespace LowCode.Runtime.Definitions;

/// <summary>Computes variables from expressions, in order (later ones see earlier results).</summary>
public sealed record SetVariablesNode : Node
{
    public List<VariableAssignment> Assignments { get; init; } = [];

    protected override string GetKind() => NodeKinds.SetVariables;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}

public sealed record VariableAssignment(string Variable, string Expression);
