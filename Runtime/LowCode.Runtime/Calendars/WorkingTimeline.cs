namespace LowCode.Runtime.Calendars;

/// <summary>
/// A <see cref="BusinessCalendar"/> compiled for arithmetic on UTC ticks: one <see cref="DayPlan"/> per
/// weekday, the dates that differ (holidays, make-up working days) and the zone's clock.
/// </summary>
/// <remarks>
/// A run of ordinary days — no holiday, no make-up day, no clock change — is summed arithmetically,
/// whole weeks at once, so the cost grows with the number of holidays and clock changes crossed, not
/// with the length of the span. Only the first and last day and the unusual days are walked period by
/// period, each period mapped to real instants, so business time is real elapsed time.
/// </remarks>
internal sealed class WorkingTimeline
{
    private const int LastDay = 3_652_058; // DateOnly.MaxValue.DayNumber

    private readonly string timeZone;
    private readonly object week, holidays, extraWorkingDays;
    private readonly ZoneClock? clock;
    private readonly DayPlan[] weekdays;                  // by DayOfWeek
    private readonly Dictionary<int, DayPlan> exceptions; // by DateOnly.DayNumber
    private readonly int[] exceptionDays;                 // sorted
    private readonly long weekTotal;

    private WorkingTimeline(BusinessCalendar calendar, ZoneClock? clock)
    {
        (timeZone, week, holidays, extraWorkingDays) = (calendar.TimeZone, calendar.Week, calendar.Holidays, calendar.ExtraWorkingDays);
        this.clock = clock;
        var periods = calendar.Week.Where(period => period is { IsValid: true }).ToList();
        weekdays = calendar.Week.Count == 0
            ? [.. Enumerable.Repeat(DayPlan.AllDay, 7)]
            : [.. Enumerable.Range(0, 7).Select(day => new DayPlan(periods
                .Where(period => (int)period.Day == day)
                .Select(period => (period.StartTicks, period.EndTicks))))];
        weekTotal = weekdays.Sum(plan => plan.Total);

        exceptions = [];
        foreach (var extra in calendar.ExtraWorkingDays.Where(extra => extra is not null))
            exceptions[extra.Date.DayNumber] = weekdays[Enum.IsDefined(extra.WorksAs) ? (int)extra.WorksAs : (int)DayOfWeek.Monday];
        foreach (var holiday in calendar.Holidays.Where(holiday => holiday is not null))
            exceptions[holiday.Date.DayNumber] = DayPlan.Closed; // a date listed as both is a holiday
        exceptionDays = [.. exceptions.Keys.Order()];
    }

    /// <summary>Open around the clock: business time is plain elapsed time.</summary>
    public bool IsAlwaysOpen => clock is null;

    public bool HasWorkingTime => weekTotal > 0;

    /// <summary>Compiles <paramref name="calendar"/>; throws when it needs a time zone this machine does not know.</summary>
    public static WorkingTimeline Build(BusinessCalendar calendar)
    {
        if (calendar.Week.Count == 0 && !calendar.Holidays.Any(holiday => holiday is not null))
            return new WorkingTimeline(calendar, clock: null);
        if (!ZoneClock.TryFind(calendar.TimeZone, out var clock))
            throw new InvalidOperationException(
                $"Business calendar '{calendar.Key}' uses time zone '{calendar.TimeZone}', which is not a known time zone id; use an IANA id such as 'Europe/Berlin'.");
        return new WorkingTimeline(calendar, clock);
    }

    /// <summary>Whether this was compiled from the same data (a <c>with</c> copy may have changed it).</summary>
    public bool IsBuiltFrom(BusinessCalendar calendar) =>
        timeZone == calendar.TimeZone && ReferenceEquals(week, calendar.Week)
        && ReferenceEquals(holidays, calendar.Holidays) && ReferenceEquals(extraWorkingDays, calendar.ExtraWorkingDays);

    public bool IsWorking(long instant)
    {
        if (clock is null) return true;
        var day = DayOf(instant);
        var plan = PlanFor(day);
        for (var i = 0; i < plan.Periods.Length; i++)
        {
            var (start, end) = Period(day, plan, i);
            if (start <= instant && instant < end) return true;
        }
        return false;
    }

    /// <summary>Business ticks in [<paramref name="from"/>, <paramref name="to"/>), with from &lt;= to.</summary>
    public long Worked(long from, long to)
    {
        if (clock is null) return to - from;
        int first = DayOf(from), last = DayOf(to);
        if (first == last) return WorkedWithin(first, from, to);
        var worked = WorkedWithin(first, from, long.MaxValue) + WorkedWithin(last, long.MinValue, to);
        for (var day = first + 1; day < last;)
        {
            var special = NextSpecialDay(day, last);
            worked += OrdinaryRun(day, special - day);
            if (special < last) worked += WorkedWithin(special, long.MinValue, long.MaxValue);
            day = special + 1;
        }
        return worked;
    }

    /// <summary>The earliest instant after which <paramref name="work"/> (&gt; 0) business ticks have passed.</summary>
    public long Forward(long start, long work)
    {
        if (clock is null) return start + work;
        var day = DayOf(start);
        if (TryLandForward(day, start, ref work, out var instant)) return instant;
        while (true)
        {
            day++;
            var horizon = (int)Math.Min(day + 7 * WeeksToCover(work), LastDay);
            var special = NextSpecialDay(day, horizon);
            var run = OrdinaryRun(day, special - day);
            if (run >= work)
            {
                var weeks = (work - 1) / weekTotal;
                day += (int)(weeks * 7);
                work -= weeks * weekTotal;
                while (!TryLandForward(day, long.MinValue, ref work, out instant)) day++;
                return instant;
            }
            work -= run;
            day = special;
            if (TryLandForward(day, long.MinValue, ref work, out instant)) return instant;
        }
    }

    /// <summary>The latest instant before which <paramref name="work"/> (&gt; 0) business ticks remain until <paramref name="end"/>.</summary>
    public long Backward(long end, long work)
    {
        if (clock is null) return end - work;
        var day = DayOf(end);
        if (TryLandBackward(day, end, ref work, out var instant)) return instant;
        while (true)
        {
            day--;
            var horizon = (int)Math.Max(day - 7 * WeeksToCover(work), 0);
            var special = PreviousSpecialDay(day, horizon);
            var run = OrdinaryRun(special + 1, day - special);
            if (run >= work)
            {
                var weeks = (work - 1) / weekTotal;
                day -= (int)(weeks * 7);
                work -= weeks * weekTotal;
                while (!TryLandBackward(day, long.MaxValue, ref work, out instant)) day--;
                return instant;
            }
            work -= run;
            day = special;
            if (TryLandBackward(day, long.MaxValue, ref work, out instant)) return instant;
        }
    }

    // Enough ordinary weeks to hold the work, plus slack; bounded so the day arithmetic cannot overflow.
    private long WeeksToCover(long work) => Math.Min(work / weekTotal + 2, LastDay / 7 + 1);

    private bool TryLandForward(int day, long from, ref long work, out long instant)
    {
        var plan = PlanFor(day);
        for (var i = 0; i < plan.Periods.Length; i++)
        {
            var (start, end) = Period(day, plan, i);
            start = Math.Max(start, from);
            if (end <= start) continue;
            if (work <= end - start) { instant = start + work; return true; }
            work -= end - start;
        }
        instant = 0;
        return false;
    }

    private bool TryLandBackward(int day, long before, ref long work, out long instant)
    {
        var plan = PlanFor(day);
        for (var i = plan.Periods.Length - 1; i >= 0; i--)
        {
            var (start, end) = Period(day, plan, i);
            end = Math.Min(end, before);
            if (end <= start) continue;
            if (work <= end - start) { instant = end - work; return true; }
            work -= end - start;
        }
        instant = 0;
        return false;
    }

    private long WorkedWithin(int day, long from, long to)
    {
        var plan = PlanFor(day);
        long worked = 0;
        for (var i = 0; i < plan.Periods.Length; i++)
        {
            var (start, end) = Period(day, plan, i);
            worked += Math.Max(0, Math.Min(end, to) - Math.Max(start, from));
        }
        return worked;
    }

    /// <summary>Business ticks of <paramref name="count"/> ordinary days from <paramref name="first"/>.</summary>
    private long OrdinaryRun(int first, int count)
    {
        var worked = count / 7 * weekTotal;
        for (var i = 0; i < count % 7; i++) worked += weekdays[WeekdayOf(first + i)].Total;
        return worked;
    }

    // A special day needs walking: a holiday or make-up day, or a day on which the clock jumps.
    private int NextSpecialDay(int from, int limit)
    {
        var index = Array.BinarySearch(exceptionDays, from);
        if (index < 0) index = ~index;
        if (index < exceptionDays.Length) limit = Math.Min(limit, exceptionDays[index]);
        return clock!.NextIrregularDay(from, limit);
    }

    private int PreviousSpecialDay(int from, int limit)
    {
        var index = Array.BinarySearch(exceptionDays, from);
        if (index < 0) index = ~index - 1;
        if (index >= 0) limit = Math.Max(limit, exceptionDays[index]);
        return clock!.PreviousIrregularDay(from, limit);
    }

    /// <summary>Period <paramref name="index"/> of a day as real instants (UTC ticks).</summary>
    private (long Start, long End) Period(int day, DayPlan plan, int index)
    {
        var (start, end) = plan.Periods[index];
        if (clock!.IsRegular(day))
        {
            var midnight = clock.DayStart(day);
            return (midnight + start, midnight + end);
        }
        var localMidnight = day * TimeSpan.TicksPerDay;
        return (clock.ToUtc(localMidnight + start), clock.ToUtc(localMidnight + end));
    }

    /// <summary>The local day whose stretch of the time line, from its midnight to the next, holds the instant.</summary>
    private int DayOf(long instant)
    {
        var day = (int)(clock!.ToLocal(instant) / TimeSpan.TicksPerDay);
        while (instant < clock.DayStart(day)) day--;
        while (instant >= clock.DayStart(day + 1)) day++;
        return day;
    }

    private DayPlan PlanFor(int day) => exceptions.TryGetValue(day, out var plan) ? plan : weekdays[WeekdayOf(day)];

    private static int WeekdayOf(int day) => (day + 1) % 7; // day 0, 0001-01-01, was a Monday
}
