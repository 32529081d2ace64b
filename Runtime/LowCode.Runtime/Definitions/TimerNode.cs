namespace LowCode.Runtime.Definitions;

/// <summary>Waits a (business) duration, or until the instant a date expression gives.</summary>
public sealed record TimerNode : Node
{
    public Duration? Wait { get; init; }

    /// <summary>Expression of type date/time, e.g. <c>form.VisitDate</c>.</summary>
    public string? Until { get; init; }

    /// <summary>While the ticket waits here (on the requester or an outside party), its SLA clocks pause.</summary>
    public bool PausesSla { get; init; }

    protected override string GetKind() => NodeKinds.Timer;
    public override IEnumerable<string> OutcomePorts() => [Ports.Out];
}
