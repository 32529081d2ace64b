namespace LowCode.Runtime.Calendars;

/// <summary>
/// When a help desk is at work: working periods per weekday, public holidays and make-up working days,
/// all read on the wall clock of <see cref="TimeZone"/>. SLA clocks, timers and escalations use it to
/// add business time to an instant and to measure the business time between two instants.
/// </summary>
/// <remarks>
/// Business time is real elapsed time inside working periods: a period spanning a daylight-saving
/// change lasts as long as it really lasts. A period starting at a wall-clock time the clock skips
/// begins at the first instant after the jump; a time the clock shows twice means its first showing.
/// An empty <see cref="Week"/> means open around the clock, with <see cref="Holidays"/> still closed.
/// Bad data (say from JSON) never throws while loading; <see cref="Validate"/> lists what is wrong.
/// </remarks>
public sealed partial record BusinessCalendar
{
    /// <summary>Open 24 × 7 in UTC: adding is plain addition, measuring is plain difference.</summary>
    public static readonly BusinessCalendar AlwaysOpen = new() { Key = "24x7", Name = "24 × 7" };

    private WorkingTimeline? timeline;

    public string Key { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>IANA time zone id, e.g. "Asia/Shanghai" or "Europe/Berlin".</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Working periods per weekday; several a day allowed (a lunch break is the gap).</summary>
    public IReadOnlyList<WorkingPeriod> Week { get; init => field = value is null ? [] : [.. value]; } = [];

    /// <summary>Whole days off, in the calendar's time zone.</summary>
    public IReadOnlyList<Holiday> Holidays { get; init => field = value is null ? [] : [.. value]; } = [];

    /// <summary>Make-up working days (调休), worked with the hours of another weekday.</summary>
    public IReadOnlyList<WorkingDay> ExtraWorkingDays { get; init => field = value is null ? [] : [.. value]; } = [];

    /// <summary>
    /// The instant at which <paramref name="businessDuration"/> of working time has passed since
    /// <paramref name="start"/> (counted backwards when negative), in the offset of <paramref name="start"/>.
    /// Landing exactly at the end of a period gives that end (18:00), not the next period's start.
    /// </summary>
    /// <exception cref="ArgumentException">The calendar has no working time at all.</exception>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessDuration)
    {
        if (businessDuration == TimeSpan.Zero) return start;
        var compiled = WithWorkingTime(Timeline, "add business time");
        if (compiled.IsAlwaysOpen) return start + businessDuration;
        var instant = businessDuration > TimeSpan.Zero
            ? compiled.Forward(start.UtcTicks, businessDuration.Ticks)
            : compiled.Backward(start.UtcTicks, checked(-businessDuration.Ticks));
        return InOffsetOf(start, instant);
    }

    /// <summary>The working time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (from == to) return TimeSpan.Zero;
        var compiled = Timeline;
        return to > from
            ? TimeSpan.FromTicks(compiled.Worked(from.UtcTicks, to.UtcTicks))
            : -TimeSpan.FromTicks(compiled.Worked(to.UtcTicks, from.UtcTicks));
    }

    /// <summary>Whether the instant falls inside a working period (a period's end is already off).</summary>
    public bool IsWorkingTime(DateTimeOffset instant) => Timeline.IsWorking(instant.UtcTicks);

    /// <summary>The instant itself when it is working time, else the start of the next working period.</summary>
    /// <exception cref="ArgumentException">The calendar has no working time at all.</exception>
    public DateTimeOffset NextWorkingTime(DateTimeOffset instant)
    {
        var compiled = Timeline;
        if (compiled.IsWorking(instant.UtcTicks)) return instant;
        // The first working tick after the instant, less that tick, is where the next period starts.
        var next = WithWorkingTime(compiled, "find the next working time").Forward(instant.UtcTicks, 1) - 1;
        return InOffsetOf(instant, next);
    }

    public bool Equals(BusinessCalendar? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || Key == other.Key && Name == other.Name && TimeZone == other.TimeZone
            && Week.SequenceEqual(other.Week) && Holidays.SequenceEqual(other.Holidays)
            && ExtraWorkingDays.SequenceEqual(other.ExtraWorkingDays));

    public override int GetHashCode() =>
        HashCode.Combine(Key, Name, TimeZone, Week.Count, Holidays.Count, ExtraWorkingDays.Count);

    // Compiled lazily and kept; a `with` copy carries it along, so it is checked against the data first.
    private WorkingTimeline Timeline =>
        timeline is { } compiled && compiled.IsBuiltFrom(this) ? compiled : timeline = WorkingTimeline.Build(this);

    private WorkingTimeline WithWorkingTime(WorkingTimeline compiled, string action) =>
        compiled.HasWorkingTime || compiled.IsAlwaysOpen
            ? compiled
            : throw new ArgumentException(
                $"Cannot {action}: business calendar '{Key}' has no working time at all (its week has no valid working period).");

    private static DateTimeOffset InOffsetOf(DateTimeOffset original, long utcTicks) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(original.Offset);
}
