using LowCode.Grains.Agents;
using LowCode.Grains.Organisation;

namespace LowCode.Server.Organisation;

/// <summary>A person as the users API shows them: sign-in name, roles, place in the org chart, teams.</summary>
public sealed record UserView(string Id, string UserName, string DisplayName, string? Email, string Department, string? ManagerId, string Region,
    IReadOnlyList<string> Roles, IReadOnlyList<string> OrgRoles, IReadOnlyList<string> Teams, bool IsAgent, bool LockedOut);

public sealed record PersonRef(string Id, string Name);

public sealed record TeamView(string Key, string Name, string? Description, PersonRef? Lead, IReadOnlyList<PersonRef> Members, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static TeamView From(Team team, IReadOnlyDictionary<string, string> names) =>
        new(team.Key, team.Name, team.Description, team.Lead is { } lead ? new PersonRef(lead, names.GetValueOrDefault(lead, lead)) : null,
            [.. team.Members.Select(m => new PersonRef(m, names.GetValueOrDefault(m, m)))], team.UpdatedAt, team.UpdatedBy);
}

public sealed record DepartmentView(string Key, string Name, PersonRef? Head)
{
    public static DepartmentView From(Department d, IReadOnlyDictionary<string, string> names) =>
        new(d.Key, d.Name, d.Head is { } head ? new PersonRef(head, names.GetValueOrDefault(head, head)) : null);
}

/// <summary>An agent: their profile, teams, and live workload (from the agent grain).</summary>
public sealed record AgentView(AgentProfile Profile, IReadOnlyList<string> Teams, WorkloadView Workload);

public sealed record WorkloadView(int Load, int Capacity, int Peak, string Availability, IReadOnlyList<HeldTaskView> Held)
{
    public static WorkloadView From(AgentWorkload w) =>
        new(w.Load, w.Capacity, w.Peak, w.Availability, [.. w.Held.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => HeldTaskView.From(h.Key, h.Value))]);
}

/// <summary>A task an agent holds capacity for ("T-260302-…/t5"), with its weight.</summary>
public sealed record HeldTaskView(string TicketId, string TaskId, int Weight)
{
    public static HeldTaskView From(string reference, int weight)
    {
        var slash = reference.LastIndexOf('/');
        return new HeldTaskView(slash < 0 ? reference : reference[..slash], slash < 0 ? "" : reference[(slash + 1)..], weight);
    }
}
