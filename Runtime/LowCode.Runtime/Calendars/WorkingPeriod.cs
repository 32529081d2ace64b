namespace LowCode.Runtime.Calendars;

/// <summary>
/// One stretch of working time on a weekday, read on the calendar's wall clock, e.g. Monday 09:00–12:00.
/// A day may have several (a lunch break is the gap between two). An <see cref="End"/> of 00:00 means
/// midnight at the end of the day: 22:00–00:00 is a late shift, 00:00–00:00 the whole day.
/// </summary>
public sealed record WorkingPeriod(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    internal long StartTicks => Start.Ticks;

    internal long EndTicks => End == TimeOnly.MinValue ? TimeSpan.TicksPerDay : End.Ticks;

    internal bool IsValid => Enum.IsDefined(Day) && EndTicks > StartTicks;

    public override string ToString() =>
        $"{Day} {Start:HH\\:mm}–{(End == TimeOnly.MinValue ? "24:00" : End.ToString("HH\\:mm"))}";
}
