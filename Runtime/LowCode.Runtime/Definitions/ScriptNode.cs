namespace LowCode.Runtime.Definitions;

/// <summary>
/// Sandboxed C# that reads the ticket and writes variables (e.g. <c>vars.Score = ...;</c>).
/// A runtime error leaves by "failed" when connected, otherwise it raises an incident.
/// </summary>
public sealed record ScriptNode : Node
{
    public string Code { get; init; } = "";

    protected override string GetKind() => NodeKinds.Script;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out, Ports.Failed];
}
