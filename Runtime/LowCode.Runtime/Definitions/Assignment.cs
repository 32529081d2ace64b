namespace LowCode.Runtime.Definitions;

/// <summary>
/// Who should do a human step. Dispatch (outside the engine) resolves it to a person or a queue:
/// a named dispatch rule, or a direct user / team / role / org-chart relation.
/// </summary>
public sealed record Assignment
{
    /// <summary>Key of a dispatch rule of the ticket type (filter, strategy, fallback).</summary>
    public string? Rule { get; init; }

    /// <summary>Direct target when no rule is used.</summary>
    public Participant? To { get; init; }

    public override string ToString() => Rule is not null ? $"rule {Rule}" : To?.ToString() ?? "unassigned";
}

/// <summary>A person or group by one of the ways an organisation names them.</summary>
public sealed record Participant(ParticipantKind Kind, string? Value = null)
{
    public override string ToString() => Value is null ? Kind.ToString() : $"{Kind}:{Value}";
}

public enum ParticipantKind
{
    User,
    Team,
    Role,
    /// <summary>The person who raised the ticket.</summary>
    Requester,
    /// <summary>The requester's line manager.</summary>
    RequesterManager,
    /// <summary>The head of the requester's department.</summary>
    DepartmentHead,
    /// <summary>The value of a form field (a user picker) or a variable; Value is an expression.</summary>
    Expression,
}
