namespace LowCode.Runtime.Definitions;

/// <summary>
/// Creates a child ticket of another type with form values from expressions, and optionally waits
/// until it closes (its resolution is stored in <see cref="ResultVariable"/> when set).
/// </summary>
public sealed record SubTicketNode : Node
{
    public string TicketType { get; init; } = "";

    /// <summary>Child form field ← expression over this ticket.</summary>
    public Dictionary<string, string> Form { get; init; } = [];

    public bool Wait { get; init; }
    public string? ResultVariable { get; init; }

    protected override string GetKind() => NodeKinds.SubTicket;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}
