namespace LowCode.Runtime.Definitions;

/// <summary>Closes the ticket with a resolution. Any other open branch is cancelled.</summary>
public sealed record EndNode : Node
{
    /// <summary>Resolution recorded on the ticket: resolved, rejected, cancelled, duplicate, …</summary>
    public string Resolution { get; init; } = Resolutions.Resolved;

    protected override string GetKind() => NodeKinds.End;
    public override IEnumerable<string> OutcomePorts() => [];
}

public static class Resolutions
{
    public const string Resolved = "resolved";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
}
