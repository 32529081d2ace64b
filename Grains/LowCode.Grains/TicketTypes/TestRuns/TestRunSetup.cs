using System.Collections.Immutable;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>What a test run starts from: the sample form data, the priority, the sample organisation and the virtual start time.</summary>
public sealed record TestRunSetup
{
    /// <summary>A Monday morning in Shanghai, inside the sample business calendar: thresholds in business time fall on the same day.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public ImmutableDictionary<string, object?> Form { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public string Priority { get; init; } = "P3";
    public string Title { get; init; } = "";
    public DateTimeOffset StartAt { get; init; } = DefaultStart;
    public SampleOrganisation Organisation { get; init; } = SampleOrganisation.Default;
}
