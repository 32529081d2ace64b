using LowCode.Runtime.Calendars;

namespace LowCode.Grains.Organisation;

/// <summary>
/// What dispatch knows about an agent (key: user id): skills with levels 1-5, the regions and sites
/// they cover, capacity (workload units held at once; a task weighs 1 unless the priority weights say
/// otherwise), their shift (a business calendar) and availability (on duty, out of office with a delegate).
/// </summary>
public sealed record AgentProfile(string UserId, string Name)
{
    public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();
    /// <summary>Regions covered, home region first (e.g. "SH", "BJ").</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Sites within them (e.g. "上海浦东").</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];
    public int Capacity { get; init; } = 5;
    /// <summary>Workload units a task of a priority takes (e.g. P1 → 2); 1 when not listed.</summary>
    public IReadOnlyDictionary<string, int> PriorityWeights { get; init; } = new Dictionary<string, int>();
    /// <summary>Key of the business calendar that is the agent's shift; none means any time.</summary>
    public string? Shift { get; init; }
    public bool OnDuty { get; init; } = true;
    public OutOfOffice? OutOfOffice { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    public int WeightOf(string priority) => PriorityWeights.TryGetValue(priority, out var weight) && weight > 0 ? weight : 1;

    public Availability AvailabilityAt(DateTimeOffset now, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        if (!OnDuty) return Availability.OffDuty;
        if (OutOfOffice?.Covers(now) == true) return Availability.OutOfOffice;
        if (Shift is not null && calendars.TryGetValue(Shift, out var shift) && !shift.IsWorkingTime(now)) return Availability.OutsideShift;
        return Availability.Available;
    }
}
