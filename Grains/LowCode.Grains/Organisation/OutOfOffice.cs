namespace LowCode.Grains.Organisation;

/// <summary>
/// An absence (leave, business trip): from when until when (open-ended when not given), and who takes
/// the agent's new work meanwhile.
/// </summary>
public sealed record OutOfOffice
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? Until { get; init; }
    /// <summary>User id of the delegate (an agent) who takes new work while the agent is away.</summary>
    public string? Delegate { get; init; }

    public bool Covers(DateTimeOffset instant) => (From is null || From <= instant) && (Until is null || instant < Until);
}
