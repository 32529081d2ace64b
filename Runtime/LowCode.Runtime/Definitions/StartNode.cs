namespace LowCode.Runtime.Definitions;

/// <summary>Entered when the ticket is created (form submitted, API call, email).</summary>
public sealed record StartNode : Node
{
    protected override string GetKind() => NodeKinds.Start;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}
