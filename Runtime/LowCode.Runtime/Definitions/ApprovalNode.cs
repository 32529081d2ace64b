namespace LowCode.Runtime.Definitions;

/// <summary>
/// An approval: one or more levels, each with approvers and a mode. Levels run in order; a level
/// whose condition is false is skipped. A rejection at any level leaves by "rejected"; a send-back
/// leaves by "sentBack"; when every applicable level approved, it leaves by "approved".
/// </summary>
public sealed record ApprovalNode : Node
{
    public List<ApprovalLevel> Levels { get; init; } = [];

    /// <summary>Adds the "sentBack" port: the approver returns the ticket to the requester.</summary>
    public bool AllowSendBack { get; init; }

    public string? TaskForm { get; init; }
    public Duration? Due { get; init; }
    public List<Escalation> Escalations { get; init; } = [];

    protected override string GetKind() => NodeKinds.Approval;

    public override IEnumerable<string> OutcomePorts()
    {
        yield return Ports.Approved;
        yield return Ports.Rejected;
        if (AllowSendBack) yield return Ports.SentBack;
        foreach (var e in Escalations)
            if (e.Port is not null) yield return e.Port;
    }
}

public sealed record ApprovalLevel
{
    public string Name { get; init; } = "";

    /// <summary>Expression; the level applies only when it is true (e.g. <c>form.Amount &gt; 5000</c>).</summary>
    public string? When { get; init; }

    public ApprovalMode Mode { get; init; } = ApprovalMode.Single;

    /// <summary>Single: one task offered to all of them; any-of / all-of: one task per approver.</summary>
    public List<Participant> Approvers { get; init; } = [];
}

public enum ApprovalMode
{
    /// <summary>One task; whoever of the approvers takes it decides.</summary>
    Single,
    /// <summary>One task per approver; the first decision settles the level (或签).</summary>
    AnyOf,
    /// <summary>One task per approver; all must approve, any rejection rejects (会签).</summary>
    AllOf,
}

/// <summary>The actions an approver can take.</summary>
public static class ApprovalActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string SendBack = "sendBack";
}
