namespace LowCode.Runtime.Calendars;

public sealed partial record BusinessCalendar
{
    /// <summary>
    /// DEMO DATA: a mainland China office in 2026 — Asia/Shanghai, Monday to Friday 09:00–18:00 with a
    /// 12:00–13:00 lunch break, the public holidays and make-up working days (调休) of the State Council
    /// notice for 2026 (国办发明电, 4 November 2025) as transcribed here. Check against the official notice
    /// before relying on it; real deployments load their calendar from configuration.
    /// </summary>
    public static BusinessCalendar ChinaMainland2026() => new()
    {
        Key = "cn-2026",
        Name = "China mainland 2026 (demo)",
        TimeZone = "Asia/Shanghai",
        Week =
        [
            .. MondayToFriday.SelectMany(day => new[]
            {
                new WorkingPeriod(day, new(9, 0), new(12, 0)),
                new WorkingPeriod(day, new(13, 0), new(18, 0)),
            }),
        ],
        Holidays =
        [
            .. Days("New Year's Day 元旦", new(2026, 1, 1), 3),
            .. Days("Spring Festival 春节", new(2026, 2, 15), 9),
            .. Days("Qingming Festival 清明节", new(2026, 4, 4), 3),
            .. Days("Labour Day 劳动节", new(2026, 5, 1), 5),
            .. Days("Dragon Boat Festival 端午节", new(2026, 6, 19), 3),
            .. Days("Mid-Autumn Festival 中秋节", new(2026, 9, 25), 3),
            .. Days("National Day 国庆节", new(2026, 10, 1), 7),
        ],
        ExtraWorkingDays =
        [
            new(new(2026, 1, 4), "New Year's Day make-up day 元旦调休"),
            new(new(2026, 2, 14), "Spring Festival make-up day 春节调休"),
            new(new(2026, 2, 28), "Spring Festival make-up day 春节调休"),
            new(new(2026, 5, 9), "Labour Day make-up day 劳动节调休"),
            new(new(2026, 9, 20), "National Day make-up day 国庆节调休"),
            new(new(2026, 10, 10), "National Day make-up day 国庆节调休"),
        ],
    };

    private static IEnumerable<Holiday> Days(string name, DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(offset => new Holiday(first.AddDays(offset), name));
}
