namespace LowCode.Runtime.Definitions;

/// <summary>
/// A span of time, either wall-clock or counted only inside the business calendar's working hours.
/// </summary>
public sealed record Duration(TimeSpan Length, bool BusinessTime = false)
{
    /// <summary>Calendar key; the flow's calendar when null.</summary>
    public string? Calendar { get; init; }

    public override string ToString() => BusinessTime ? $"{Length} business" : Length.ToString();
}
