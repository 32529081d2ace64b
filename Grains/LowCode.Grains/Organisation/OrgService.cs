using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Hosting;
using LowCode.Grains.TicketTypes;

namespace LowCode.Grains.Organisation;

/// <summary>
/// The application service for the organisation: reads come from the current snapshot, changes are
/// checked (every problem named by field, nothing stored when any exists), written with a new org
/// version, and agent grains are told when their profile changed.
/// </summary>
public sealed class OrgService(OrgStore store, OrgDirectory directory, IPeopleDirectory people, IGrainFactory grains, CalendarCatalog calendars, TicketClock clock)
{
    public Task<OrgSnapshot> SnapshotAsync(CancellationToken ct = default) => directory.CurrentAsync(ct);

    public async Task<CommandOutcome<Team>> SaveTeamAsync(string key, TeamChange change, bool create, string actor, CancellationToken ct = default)
    {
        var problems = new OrgProblems();
        if (create) problems.Key("key", key, "team");
        var name = problems.Text("name", change.Name, 100, required: true, "team name");
        var description = problems.Text("description", change.Description, 500, required: false, "description");
        var members = (change.Members ?? []).Select(m => m?.Trim() ?? "").ToList();
        for (var i = 0; i < members.Count; i++)
            if (members[i].Length == 0) problems.Add($"members[{i}]", "A member is named by user id.");
        var lead = string.IsNullOrWhiteSpace(change.Lead) ? null : change.Lead.Trim();
        await UnknownPeopleAsync(problems, members.Select((m, i) => ($"members[{i}]", (string?)m)).Append(("lead", lead)), ct);
        if (problems.Any) return Invalid<Team>("team", problems);
        if (!create && !(await directory.CurrentAsync(ct)).Teams.ContainsKey(key))
            return CommandOutcome<Team>.Fail(CommandError.NotFound, $"Team '{key}' does not exist.");
        var team = new Team(key, name!)
        {
            Description = description, Lead = lead, Members = [.. members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            UpdatedAt = clock.Now, UpdatedBy = actor,
        };
        return await store.SaveTeamAsync(team, create, ct)
            ? CommandOutcome<Team>.Ok(team)
            : CommandOutcome<Team>.Fail(CommandError.Conflict, $"Team '{key}' already exists.");
    }

    public async Task<CommandOutcome<string>> DeleteTeamAsync(string key, CancellationToken ct = default) =>
        await store.DeleteTeamAsync(key, ct) ? CommandOutcome<string>.Ok(key) : CommandOutcome<string>.Fail(CommandError.NotFound, $"Team '{key}' does not exist.");

    public async Task<CommandOutcome<Department>> SaveDepartmentAsync(string key, DepartmentChange change, string actor, CancellationToken ct = default)
    {
        var problems = new OrgProblems();
        if (problems.Text("key", key, 64, required: true, "department") is { } k && k != key) problems.Add("key", "A department key has no leading or trailing spaces.");
        var name = problems.Text("name", change.Name, 100, required: true, "department name");
        var head = string.IsNullOrWhiteSpace(change.Head) ? null : change.Head.Trim();
        await UnknownPeopleAsync(problems, [("head", head)], ct);
        if (problems.Any) return Invalid<Department>("department", problems);
        var department = new Department(key, name!) { Head = head, UpdatedAt = clock.Now, UpdatedBy = actor };
        await store.SaveDepartmentAsync(department, ct);
        return CommandOutcome<Department>.Ok(department);
    }

    /// <summary>Creates or replaces the agent profile of an existing person.</summary>
    public async Task<CommandOutcome<AgentProfile>> SaveAgentAsync(string userId, AgentChange change, string actor, CancellationToken ct = default)
    {
        var known = await people.FindAsync([userId], ct);
        if (!known.TryGetValue(userId, out var personName)) return CommandOutcome<AgentProfile>.Fail(CommandError.NotFound, $"There is no person '{userId}'.");
        var problems = new OrgProblems();
        var name = problems.Text("name", change.Name, 100, required: false, "name") ?? personName;
        var skills = problems.Levels("skills", change.Skills, 1, 5, "skill level");
        var regions = problems.Tags("regions", change.Regions, "region");
        var sites = problems.Tags("sites", change.Sites, "site", max: 50);
        var capacity = change.Capacity ?? 5;
        if (capacity is < 1 or > 1000) problems.Add("capacity", $"Capacity is the number of tasks held at once: 1 to 1000, not {capacity}.");
        var weights = problems.Levels("priorityWeights", change.PriorityWeights, 1, 100, "weight", priorities: true);
        var shift = string.IsNullOrWhiteSpace(change.Shift) ? null : change.Shift.Trim();
        if (shift is not null && !calendars.All.ContainsKey(shift))
            problems.Add("shift", $"The shift is a business calendar; '{shift}' is not one. Known: {string.Join(", ", calendars.All.Keys.Order(StringComparer.Ordinal))}.");
        await CheckAbsenceAsync(problems, userId, change.OutOfOffice, "outOfOffice", ct);
        if (problems.Any) return Invalid<AgentProfile>("agent profile", problems);
        var profile = new AgentProfile(userId, name)
        {
            Skills = skills, Regions = regions, Sites = sites, Capacity = capacity, PriorityWeights = weights, Shift = shift,
            OnDuty = change.OnDuty ?? true, OutOfOffice = change.OutOfOffice, UpdatedAt = clock.Now, UpdatedBy = actor,
        };
        return await SaveAsync(profile, ct);
    }

    /// <summary>On or off duty, and an absence with its delegate (none when not given).</summary>
    public async Task<CommandOutcome<AgentProfile>> SetAvailabilityAsync(string userId, AvailabilityChange change, string actor, CancellationToken ct = default)
    {
        if (await store.AgentAsync(userId, ct) is not { } current) return CommandOutcome<AgentProfile>.Fail(CommandError.NotFound, $"'{userId}' has no agent profile.");
        var problems = new OrgProblems();
        await CheckAbsenceAsync(problems, userId, change.OutOfOffice, "outOfOffice", ct);
        if (problems.Any) return Invalid<AgentProfile>("availability", problems);
        return await SaveAsync(current with { OnDuty = change.OnDuty ?? true, OutOfOffice = change.OutOfOffice, UpdatedAt = clock.Now, UpdatedBy = actor }, ct);
    }

    public async Task<CommandOutcome<string>> DeleteAgentAsync(string userId, CancellationToken ct = default)
    {
        if (!await store.DeleteAgentAsync(userId, ct)) return CommandOutcome<string>.Fail(CommandError.NotFound, $"'{userId}' has no agent profile.");
        await grains.GetGrain<IAgentGrain>(userId).ProfileChanged();
        return CommandOutcome<string>.Ok(userId);
    }

    private async Task<CommandOutcome<AgentProfile>> SaveAsync(AgentProfile profile, CancellationToken ct)
    {
        await store.SaveAgentAsync(profile, ct);
        await grains.GetGrain<IAgentGrain>(profile.UserId).ProfileChanged();
        return CommandOutcome<AgentProfile>.Ok(profile);
    }

    private async Task CheckAbsenceAsync(OrgProblems problems, string userId, OutOfOffice? away, string path, CancellationToken ct)
    {
        if (away is null) return;
        if (away.From is { } from && away.Until is { } until && until <= from) problems.Add($"{path}.until", "An absence ends after it starts.");
        if (string.IsNullOrWhiteSpace(away.Delegate)) return;
        if (away.Delegate == userId) problems.Add($"{path}.delegate", "An agent cannot be their own delegate.");
        else await UnknownPeopleAsync(problems, [($"{path}.delegate", away.Delegate)], ct);
    }

    private async Task UnknownPeopleAsync(OrgProblems problems, IEnumerable<(string Path, string? UserId)> named, CancellationToken ct)
    {
        var list = named.Where(n => !string.IsNullOrWhiteSpace(n.UserId)).ToList();
        if (list.Count == 0) return;
        var known = await people.FindAsync([.. list.Select(n => n.UserId!).Distinct(StringComparer.Ordinal)], ct);
        foreach (var (path, userId) in list)
            if (!known.ContainsKey(userId!)) problems.Add(path, $"There is no person '{userId}'.");
    }

    private static CommandOutcome<T> Invalid<T>(string what, OrgProblems problems) =>
        CommandOutcome<T>.Fail(CommandError.Invalid, $"The {what} has {problems.All.Count} problem(s).", problems.All);
}
