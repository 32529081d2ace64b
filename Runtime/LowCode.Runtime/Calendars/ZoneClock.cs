using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace LowCode.Runtime.Calendars;

/// <summary>
/// The wall clock of one time zone, as a business calendar needs it: where each local day begins on
/// the real time line, and which days are not 24 real hours long because the clock jumps.
/// </summary>
/// <remarks>
/// A local time maps to the first instant at which the clock shows that time or later. A time skipped
/// at spring-forward therefore maps to the instant of the jump, and a time shown twice at fall-back to
/// its first showing. The mapping never runs backwards, so working periods stay in order and never
/// overlap on the real time line. Day starts are computed once per zone and year and shared by all
/// calendars of that zone.
/// </remarks>
internal sealed class ZoneClock
{
    private const long Day = TimeSpan.TicksPerDay;
    private static readonly ConcurrentDictionary<string, ZoneClock> Known = new(StringComparer.Ordinal);

    private readonly TimeZoneInfo zone;
    private readonly long? fixedOffset;
    private readonly ConcurrentDictionary<int, ClockYear> years = new();
    private readonly Func<int, ClockYear> buildYear;

    private ZoneClock(TimeZoneInfo zone)
    {
        this.zone = zone;
        buildYear = BuildYear; // one delegate, not one per lookup: calendar arithmetic stays allocation-free
        if (zone.GetAdjustmentRules().Length == 0) fixedOffset = zone.BaseUtcOffset.Ticks;
    }

    public static bool TryFind(string? id, [NotNullWhen(true)] out ZoneClock? clock)
    {
        clock = null;
        if (string.IsNullOrWhiteSpace(id)) return false;
        if (Known.TryGetValue(id, out clock)) return true;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return false;
        clock = Known.GetOrAdd(id, _ => new ZoneClock(zone));
        return true;
    }

    /// <summary>The first instant (UTC ticks) at which the clock shows <paramref name="localTicks"/> or later.</summary>
    public long ToUtc(long localTicks)
    {
        if (fixedOffset is { } offset) return localTicks - offset;
        var local = new DateTime(localTicks, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) return FirstInstantShowing(localTicks);
        if (zone.IsAmbiguousTime(local)) return localTicks - zone.GetAmbiguousTimeOffsets(local).Max().Ticks;
        return localTicks - zone.GetUtcOffset(local).Ticks;
    }

    public long ToLocal(long utcTicks) =>
        utcTicks + (fixedOffset ?? zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks);

    /// <summary>The instant local day <paramref name="day"/> (a <see cref="DateOnly.DayNumber"/>) begins.</summary>
    public long DayStart(int day)
    {
        if (fixedOffset is { } offset) return day * Day - offset;
        var year = YearOf(day);
        return year.Starts[day - year.FirstDay];
    }

    /// <summary>Whether the clock runs evenly through the day, so every local time is midnight plus its ticks.</summary>
    public bool IsRegular(int day) => DayStart(day + 1) - DayStart(day) == Day;

    /// <summary>The first day in [<paramref name="from"/>, <paramref name="limit"/>) whose clock jumps, else <paramref name="limit"/>.</summary>
    public int NextIrregularDay(int from, int limit)
    {
        for (var day = from; fixedOffset is null && day < limit;)
        {
            var year = YearOf(day);
            foreach (var irregular in year.IrregularDays)
                if (irregular >= day) return Math.Min(irregular, limit);
            day = year.EndDay;
        }
        return limit;
    }

    /// <summary>The last day in (<paramref name="limit"/>, <paramref name="from"/>] whose clock jumps, else <paramref name="limit"/>.</summary>
    public int PreviousIrregularDay(int from, int limit)
    {
        for (var day = from; fixedOffset is null && day > limit;)
        {
            var year = YearOf(day);
            for (var i = year.IrregularDays.Length - 1; i >= 0; i--)
                if (year.IrregularDays[i] <= day) return Math.Max(year.IrregularDays[i], limit);
            day = year.FirstDay - 1;
        }
        return limit;
    }

    // The clock's jump lies within ±15 hours of the skipped local time (offsets stay within ±14 hours),
    // and the local reading only grows across it, so a binary search over instants finds it exactly.
    private long FirstInstantShowing(long localTicks)
    {
        long low = localTicks - 15 * TimeSpan.TicksPerHour, high = localTicks + 15 * TimeSpan.TicksPerHour;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (ToLocal(middle) >= localTicks) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    private ClockYear YearOf(int day)
    {
        var year = DateOnly.FromDayNumber(day).Year;
        return years.TryGetValue(year, out var known) ? known : years.GetOrAdd(year, buildYear);
    }

    private ClockYear BuildYear(int year)
    {
        var first = new DateOnly(year, 1, 1).DayNumber;
        var starts = new long[(DateTime.IsLeapYear(year) ? 366 : 365) + 1];
        for (var i = 0; i < starts.Length; i++) starts[i] = ToUtc((first + i) * Day);
        var irregular = Enumerable.Range(0, starts.Length - 1)
            .Where(i => starts[i + 1] - starts[i] != Day)
            .Select(i => first + i)
            .ToArray();
        return new ClockYear(first, starts, irregular);
    }

    /// <summary>Where each local day of one year begins (one extra entry: the next year's first day).</summary>
    private sealed record ClockYear(int FirstDay, long[] Starts, int[] IrregularDays)
    {
        public int EndDay => FirstDay + Starts.Length - 1;
    }
}
