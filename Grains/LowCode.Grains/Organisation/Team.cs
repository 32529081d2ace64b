namespace LowCode.Grains.Organisation;

/// <summary>A team: a queue tasks can be offered to, the people who work it, and its lead (fallback and escalations).</summary>
public sealed record Team(string Key, string Name)
{
    public string? Description { get; init; }
    /// <summary>User id of the team lead.</summary>
    public string? Lead { get; init; }
    /// <summary>User ids of the members, in id order.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
}
