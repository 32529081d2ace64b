namespace LowCode.Runtime.Calendars;

/// <summary>
/// The working periods of one local day as ticks after local midnight: sorted, overlaps merged,
/// so that the periods of a day never count the same minute twice.
/// </summary>
internal sealed class DayPlan
{
    public static readonly DayPlan Closed = new([]);
    public static readonly DayPlan AllDay = new([(0, TimeSpan.TicksPerDay)]);

    public DayPlan(IEnumerable<(long Start, long End)> periods)
    {
        var merged = new List<(long Start, long End)>();
        foreach (var (start, end) in periods.OrderBy(period => period.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            else
                merged.Add((start, end));
        }
        Periods = [.. merged];
        Total = merged.Sum(period => period.End - period.Start);
    }

    public (long Start, long End)[] Periods { get; }

    /// <summary>Working ticks on an ordinary day, one whose clock does not jump.</summary>
    public long Total { get; }
}
