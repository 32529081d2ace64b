namespace LowCode.Runtime.Calendars;

public sealed partial record BusinessCalendar
{
    /// <summary>
    /// What is wrong with this calendar, one human-readable line per problem, each naming the field
    /// (as in the JSON document) and the entry; empty when the calendar is sound. Never throws.
    /// Periods that are not valid are left out of the arithmetic; overlapping periods count once.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(TimeZone))
            problems.Add("timeZone is empty; use an IANA id such as \"Europe/Berlin\".");
        else if (!ZoneClock.TryFind(TimeZone, out _))
            problems.Add($"timeZone \"{TimeZone}\" is not a known time zone id; use an IANA id such as \"Asia/Shanghai\".");

        for (var i = 0; i < Week.Count; i++)
        {
            var period = Week[i];
            if (period is null) problems.Add($"week[{i}] is empty.");
            else if (!Enum.IsDefined(period.Day)) problems.Add($"week[{i}]: {(int)period.Day} is not a day of the week.");
            else if (!period.IsValid)
                problems.Add($"week[{i}] ({period}): ends at or before it starts; the end must be later than the start (00:00 means midnight).");
        }
        foreach (var (earlier, later) in OverlappingPeriods())
            problems.Add($"week[{earlier}] ({Week[earlier]}) and week[{later}] ({Week[later]}) overlap.");
        if (Week.Count > 0 && !Week.Any(period => period is { IsValid: true }))
            problems.Add("week has no valid working period, so the calendar has no working time at all.");

        for (var i = 0; i < Holidays.Count; i++)
            if (Holidays[i] is null) problems.Add($"holidays[{i}] is empty.");

        for (var i = 0; i < ExtraWorkingDays.Count; i++)
        {
            var extra = ExtraWorkingDays[i];
            if (extra is null) { problems.Add($"extraWorkingDays[{i}] is empty."); continue; }
            if (!Enum.IsDefined(extra.WorksAs))
                problems.Add($"extraWorkingDays[{i}] ({extra.Date:yyyy-MM-dd}): worksAs {(int)extra.WorksAs} is not a day of the week.");
            else if (Week.Count > 0 && !Week.Any(period => period is { IsValid: true } && period.Day == extra.WorksAs))
                problems.Add($"extraWorkingDays[{i}] ({extra.Date:yyyy-MM-dd}) works as {extra.WorksAs}, which has no working periods.");
            if (Holidays.FirstOrDefault(holiday => holiday?.Date == extra.Date) is { } holiday)
                problems.Add($"extraWorkingDays[{i}] ({extra.Date:yyyy-MM-dd}) is also the holiday \"{holiday.Name}\"; the holiday wins.");
        }
        return problems;
    }

    // Pairs of valid periods on the same weekday that share some time, by their index in Week.
    private IEnumerable<(int Earlier, int Later)> OverlappingPeriods()
    {
        var valid = Week.Select((period, index) => (period, index)).Where(entry => entry.period is { IsValid: true }).ToList();
        foreach (var (period, index) in valid)
            foreach (var (other, otherIndex) in valid)
                if (index < otherIndex && period.Day == other.Day
                    && period.StartTicks < other.EndTicks && other.StartTicks < period.EndTicks)
                    yield return (index, otherIndex);
    }
}
