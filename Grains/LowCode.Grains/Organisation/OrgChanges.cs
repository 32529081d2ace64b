namespace LowCode.Grains.Organisation;

/// <summary>A team as an administrator sends it (create: with its key; update: the key is the route's).</summary>
public sealed record TeamChange
{
    public string? Key { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Lead { get; init; }
    public List<string>? Members { get; init; }
}

/// <summary>A department's name and head.</summary>
public sealed record DepartmentChange
{
    public string? Name { get; init; }
    public string? Head { get; init; }
}

/// <summary>An agent profile as an administrator sends it; what is left out takes its default.</summary>
public sealed record AgentChange
{
    /// <summary>Display name; the person's name in the identity store when left out.</summary>
    public string? Name { get; init; }
    public Dictionary<string, int>? Skills { get; init; }
    public List<string>? Regions { get; init; }
    public List<string>? Sites { get; init; }
    public int? Capacity { get; init; }
    public Dictionary<string, int>? PriorityWeights { get; init; }
    public string? Shift { get; init; }
    public bool? OnDuty { get; init; }
    public OutOfOffice? OutOfOffice { get; init; }
}

/// <summary>Availability as the agent (or their manager) sets it: on or off duty, and an absence with a delegate (null: none).</summary>
public sealed record AvailabilityChange
{
    public bool? OnDuty { get; init; }
    public OutOfOffice? OutOfOffice { get; init; }
}
