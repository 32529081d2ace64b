using System.Globalization;
using LowCode.Grains.Organisation;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>
/// One agent of a test run's sample pool, as the analyst edits it: skills with levels, home region,
/// on duty or not, capacity and how many tasks they already hold. Becomes an <see cref="AgentProfile"/>
/// so dispatch judges the sample exactly as it judges real agents.
/// </summary>
public sealed record SampleAgent(string Id, string Name)
{
    public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();
    public string Region { get; init; } = "";
    public IReadOnlyList<string> Sites { get; init; } = [];
    /// <summary>Keys of the sample teams the agent belongs to.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];
    public bool OnDuty { get; init; } = true;
    /// <summary>Set when the agent is out of office: who takes their new work ("" for nobody).</summary>
    public string? AwayWithDelegate { get; init; }
    public int Capacity { get; init; } = 5;
    /// <summary>Tasks the agent already holds before the test run starts.</summary>
    public int OpenTasks { get; init; }

    /// <summary>Skills as the analyst types them: <c>electrical:4, hvac:2</c> (a skill without a level is level 1).</summary>
    public string SkillsText => string.Join(", ", Skills.Select(s => $"{s.Key}:{s.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static IReadOnlyDictionary<string, int> ParseSkills(string? text)
    {
        var skills = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (text ?? "").Split([',', ';', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (pieces[0].Length == 0) continue;
            var level = pieces.Length > 1 && int.TryParse(pieces[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 0, 5) : 1;
            skills[pieces[0]] = level;
        }
        return skills;
    }

    public AgentProfile ToProfile() => new(Id, Name)
    {
        Skills = Skills,
        Regions = Region.Length == 0 ? [] : [Region],
        Sites = Sites,
        Capacity = Capacity,
        OnDuty = OnDuty,
        OutOfOffice = AwayWithDelegate is null ? null : new OutOfOffice { Delegate = AwayWithDelegate.Length == 0 ? null : AwayWithDelegate },
    };
}
