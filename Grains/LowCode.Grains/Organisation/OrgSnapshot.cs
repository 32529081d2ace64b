using System.Collections.Frozen;
using System.Collections.Immutable;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Grains.Organisation;

/// <summary>
/// The organisation as of one version of the org tables: agents, teams with their members, departments
/// with their heads. Immutable; each silo keeps the latest (<see cref="OrgDirectory"/>).
/// </summary>
public sealed class OrgSnapshot
{
    public static readonly OrgSnapshot Empty = new(-1, [], [], [], new Dictionary<string, int>());

    public OrgSnapshot(long version, IEnumerable<AgentProfile> agents, IEnumerable<Team> teams, IEnumerable<Department> departments,
        IReadOnlyDictionary<string, int> openTasks)
    {
        Version = version;
        Agents = agents.ToFrozenDictionary(a => a.UserId, StringComparer.Ordinal);
        Teams = teams.ToFrozenDictionary(t => t.Key, StringComparer.Ordinal);
        Departments = departments.ToFrozenDictionary(d => d.Key, StringComparer.Ordinal);
        TeamsOf = Teams.Values.SelectMany(t => t.Members.Select(m => (Member: m, t.Key)))
            .GroupBy(x => x.Member, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Key).Order(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
        OpenTasks = openTasks;
        _described = Agents.Values.ToFrozenDictionary(a => a.UserId, a => new Described(a, Profile(a)), StringComparer.Ordinal);
    }

    /// <summary>
    /// An agent as dispatch last described them: the static side (skills, regions, sites, teams), built once per
    /// snapshot, and the last description with workload and availability, reused while those are unchanged.
    /// </summary>
    private sealed class Described(AgentProfile agent, AgentInfo profile)
    {
        public AgentProfile Agent { get; } = agent;
        public AgentInfo Profile { get; } = profile;
        public volatile AgentInfo? Last;
    }

    private readonly FrozenDictionary<string, Described> _described;

    public long Version { get; }
    public FrozenDictionary<string, AgentProfile> Agents { get; }
    public FrozenDictionary<string, Team> Teams { get; }
    public FrozenDictionary<string, Department> Departments { get; }
    /// <summary>The teams a person belongs to, by user id.</summary>
    public FrozenDictionary<string, ImmutableArray<string>> TeamsOf { get; }
    /// <summary>Open tasks per assignee in the read model when this snapshot was taken: dispatch's first guess at workload.</summary>
    public IReadOnlyDictionary<string, int> OpenTasks { get; }

    public ImmutableArray<string> TeamsOfPerson(string userId) => TeamsOf.TryGetValue(userId, out var teams) ? teams : [];

    /// <summary>The agent's static side as dispatch expressions see it (skills, regions, sites, teams, capacity), shared by every dispatch.</summary>
    public AgentInfo ProfileOf(AgentProfile agent) => Of(agent)?.Profile ?? Profile(agent);

    /// <summary>The agent as dispatch expressions see them at <paramref name="now"/>, with the given workload.</summary>
    public AgentInfo Describe(AgentProfile agent, int load, DateTimeOffset now, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        var availability = agent.AvailabilityAt(now, calendars);
        var (onDuty, outOfOffice, stand) = (availability is not (Availability.OffDuty or Availability.OutsideShift),
            agent.OutOfOffice?.Covers(now) == true, agent.OutOfOffice?.Delegate ?? "");
        var described = Of(agent);
        if (described?.Last is { } last && last.OpenTasks == load && last.OnDuty == onDuty && last.OutOfOffice == outOfOffice && last.Delegate == stand)
            return last;
        var info = (described?.Profile ?? Profile(agent)) with { OnDuty = onDuty, OutOfOffice = outOfOffice, Delegate = stand, OpenTasks = load };
        if (described is not null) described.Last = info;
        return info;
    }

    /// <summary>What this snapshot remembers of the agent, when the profile is this snapshot's own.</summary>
    private Described? Of(AgentProfile agent) =>
        _described.TryGetValue(agent.UserId, out var described) && ReferenceEquals(described.Agent, agent) ? described : null;

    private AgentInfo Profile(AgentProfile agent) => new(agent.UserId, agent.Name)
    {
        Skills = new TagSet(agent.Skills.Keys.Order(StringComparer.Ordinal)),
        SkillLevels = agent.Skills.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
        Region = agent.Regions.FirstOrDefault() ?? "",
        Regions = new TagSet(agent.Regions),
        Sites = new TagSet(agent.Sites),
        Teams = new TagSet(TeamsOfPerson(agent.UserId)),
        Capacity = agent.Capacity,
    };
}
