namespace LowCode.Grains.Organisation;

/// <summary>
/// A department of the org chart, keyed by the name people's profiles carry ("Production"), with its
/// head: the approver of "department head" approval levels.
/// </summary>
public sealed record Department(string Key, string Name)
{
    /// <summary>User id of the head of the department.</summary>
    public string? Head { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";
}
