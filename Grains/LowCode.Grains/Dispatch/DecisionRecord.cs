using System.Collections.Immutable;
using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Grains.Dispatch;

/// <summary>
/// Writes down one automatic assignment as it happens, so a manager can later answer "why did this go
/// to Li Wei?": the rule and ticket type version, the pool, every candidate with the filter's answer,
/// their status, score, workload and reservation answer, and the reason the winner won (or why the
/// fallback applied). Long pools list the first <see cref="MaxListed"/> candidates (ranked first).
/// </summary>
internal sealed class DecisionRecord
{
    public const int MaxListed = 50;

    private readonly TaskState _task;
    private readonly string _rule;
    private readonly ImmutableDictionary<string, object?>.Builder _record = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableDictionary<string, object?>.Builder> _candidates = new(StringComparer.Ordinal);
    private readonly List<string> _listOrder = [];
    private int _refused, _considered, _passed, _available, _omitted;

    public DecisionRecord(string ticketType, int version, TaskState task, string ruleKey, DispatchRuleDefinition? rule)
    {
        _task = task;
        _rule = $"rule '{rule?.Name ?? ruleKey}' v{version}";
        _record["rule"] = ruleKey;
        _record["ruleName"] = rule?.Name;
        _record["ticketType"] = ticketType;
        _record["version"] = version;
        _record["strategy"] = rule is null ? null : string.IsNullOrEmpty(rule.Strategy) ? "leastLoaded" : rule.Strategy;
        _record["filter"] = rule?.Filter;
        _record["fallback"] = rule?.Fallback ?? "queue";
    }

    public void Pool(string description, int size)
    {
        _record["pool"] = description;
        _record["poolSize"] = size;
    }

    /// <summary>Notes the ranking; <paramref name="leftOut"/> are the agents the filter's static conditions left out (listed while there is room).</summary>
    public void Ranked(Ranking ranking, IEnumerable<AgentInfo> leftOut)
    {
        if (ranking.Skill is not null) _record["skill"] = ranking.Skill;
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var verdict in ranking.Verdicts)
        {
            if (verdict.PassedFilter == true) _passed++;
            if (verdict.Status is CandidateStatus.Eligible or CandidateStatus.Full or CandidateStatus.Delegated) _available++;
            statuses[Status(verdict.Status)] = statuses.GetValueOrDefault(Status(verdict.Status)) + 1;
        }
        _considered = ranking.Verdicts.Count + ranking.PrefilteredOut;
        if (ranking.PrefilteredOut > 0) statuses[Status(CandidateStatus.FilterFalse)] = statuses.GetValueOrDefault(Status(CandidateStatus.FilterFalse)) + ranking.PrefilteredOut;
        _record["statuses"] = statuses.ToImmutableDictionary(s => s.Key, s => (object?)s.Value, StringComparer.Ordinal);
        // Listed: ranked first, then believed full, then the rest of the pool judged one by one (those who passed the filter
        // first) in id order, then those the filter's static conditions left out — the first MaxListed only, so a pool of
        // thousands costs little more than a team; the statuses count everyone. Only the listed are looked at closely.
        var placed = new HashSet<string>(ranking.Ranked.Count + ranking.Full.Count, StringComparer.Ordinal);
        foreach (var c in ranking.Ranked) placed.Add(c.Agent.Id);
        foreach (var c in ranking.Full) placed.Add(c.Agent.Id);
        var others = 0;
        foreach (var verdict in ranking.Verdicts) if (!placed.Contains(verdict.Agent.Id)) others++;
        var listed = new List<(string Id, RankedCandidate? Placed, bool Full)>(MaxListed);
        for (var i = 0; i < ranking.Ranked.Count && listed.Count < MaxListed; i++) listed.Add((ranking.Ranked[i].Agent.Id, ranking.Ranked[i], false));
        for (var i = 0; i < ranking.Full.Count && listed.Count < MaxListed; i++) listed.Add((ranking.Full[i].Agent.Id, ranking.Full[i], true));
        if (listed.Count < MaxListed && others > 0)
            foreach (var verdict in ranking.Verdicts.Where(v => !placed.Contains(v.Agent.Id))
                .OrderBy(v => v.PassedFilter == true ? 0 : 1).ThenBy(v => v.Agent.Id, StringComparer.Ordinal).Take(MaxListed - listed.Count))
                listed.Add((verdict.Agent.Id, null, false));
        var verdicts = new Dictionary<string, CandidateVerdict?>(listed.Count, StringComparer.Ordinal);
        foreach (var (id, _, _) in listed) verdicts[id] = null;
        foreach (var verdict in ranking.Verdicts)
            if (verdicts.ContainsKey(verdict.Agent.Id)) verdicts[verdict.Agent.Id] = verdict;
        foreach (var (id, c, isFull) in listed)
        {
            _listOrder.Add(id);
            if (verdicts[id] is { } verdict)
            {
                var entry = Entry(id, verdict.Agent.Name);
                entry["filter"] = verdict.PassedFilter;
                entry["status"] = Status(verdict.Status);
                entry["load"] = verdict.Agent.OpenTasks;
                entry["capacity"] = verdict.Agent.Capacity;
                if (verdict.Note is not null) entry["note"] = verdict.Note;
                if (verdict.Delegate is not null) entry["delegate"] = verdict.Delegate;
            }
            if (c is not null)
            {
                var entry = Entry(id, c.Agent.Name);
                entry["score"] = c.Score;
                entry["rank"] = isFull ? null : c.Rank;
                entry["load"] = c.Agent.OpenTasks;
                entry["capacity"] = c.Agent.Capacity;
                if (c.OnBehalfOf is not null) entry["onBehalfOf"] = c.OnBehalfOf;
            }
        }
        foreach (var agent in _listOrder.Count < MaxListed ? leftOut.Take(MaxListed - _listOrder.Count) : [])
        {
            _listOrder.Add(agent.Id);
            var entry = Entry(agent.Id, agent.Name);
            (entry["filter"], entry["status"], entry["load"], entry["capacity"]) = (false, Status(CandidateStatus.FilterFalse), agent.OpenTasks, agent.Capacity);
        }
        _omitted = placed.Count + others + ranking.PrefilteredOut - _listOrder.Count;
    }

    public void Attempt(RankedCandidate candidate, Reservation answer)
    {
        Entry(candidate.Agent.Id, candidate.Agent.Name)["reservation"] = answer.Holds ? "reserved" : answer.Reason ?? answer.Outcome.ToString();
        if (!answer.Holds) _refused++;
    }

    public DispatchDecision Assigned(RankedCandidate winner, string why, string? hold)
    {
        var name = Name(winner.Agent.Id, winner.Agent.Name);
        var reason = winner.OnBehalfOf is { } absent
            ? $"delegate of {Name(absent, _candidates.TryGetValue(absent, out var entry) ? entry["name"] as string ?? "" : "")} (out of office); {why}"
            : why;
        if (_refused > 0) reason += $"; {_refused} ranked higher could not take it (see reservation)";
        return Finish("assigned", reason, $"{_task.Name} → {name}: {reason} ({_rule})") with { Assignee = winner.Agent.Id, Hold = hold };
    }

    public DispatchDecision AssignedToLead(string lead, string leadName, string team, string why, string? hold)
    {
        _record["fallbackTeam"] = team;
        var reason = $"{why}; fallback: the lead of team {team}";
        return Finish("teamLead", reason, $"{_task.Name} → {Name(lead, leadName)}, lead of team {team}: {why} ({_rule})") with { Assignee = lead, Hold = hold };
    }

    public DispatchDecision Offered(string team, string why, bool fallback, ImmutableArray<Participant> notify = default)
    {
        if (fallback) _record["fallbackTeam"] = team;
        var escalated = !notify.IsDefaultOrEmpty;
        var reason = fallback ? $"{why}; fallback: {(escalated ? "escalated to the lead and " : "")}offered to the queue of team {team}" : why;
        return Finish(escalated ? "escalated" : fallback ? "queued" : "offered", reason, $"{_task.Name} offered to team {team}: {reason} ({_rule})") with
        {
            Offer = [new Participant(ParticipantKind.Team, team)], Notify = notify.IsDefault ? [] : notify,
        };
    }

    public DispatchDecision Unassigned(string why) =>
        Finish("unassigned", $"{why}; no fallback team, so the task waits for a manager", $"{_task.Name} left unassigned: {why} ({_rule})");

    /// <summary>Why nobody took the task, from the verdicts and reservation answers.</summary>
    public string WhyNobody()
    {
        if (_considered == 0) return "no agents in the pool";
        if (_passed == 0) return $"no agent passed the filter ({_considered} considered)";
        if (_available == 0) return $"the {_passed} agent(s) who passed the filter are off duty or out of office";
        return _refused > 0 ? $"every candidate with room refused or is at capacity ({_refused} tried)" : "every candidate is at capacity";
    }

    private DispatchDecision Finish(string outcome, string reason, string summary)
    {
        _record["outcome"] = outcome;
        _record["reason"] = reason;
        var listed = _listOrder.Concat(_candidates.Keys.Where(k => !_listOrder.Contains(k))).Distinct(StringComparer.Ordinal).ToList();
        _record["candidates"] = listed.Select(id => (object?)_candidates[id].ToImmutable()).ToImmutableArray();
        if (_omitted > 0) _record["omitted"] = _omitted;
        return new DispatchDecision(_task.Id, summary, _record.ToImmutable());
    }

    private ImmutableDictionary<string, object?>.Builder Entry(string id, string name)
    {
        if (_candidates.TryGetValue(id, out var entry)) return entry;
        entry = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        entry["id"] = id;
        entry["name"] = name;
        return _candidates[id] = entry;
    }

    private static string Name(string id, string name) => name.Length > 0 ? name : id;

    private static string Status(CandidateStatus status) => status switch
    {
        CandidateStatus.Eligible => "eligible",
        CandidateStatus.Full => "full",
        CandidateStatus.FilterFalse => "filterFalse",
        CandidateStatus.ExpressionFailed => "expressionFailed",
        CandidateStatus.OffDuty => "offDuty",
        CandidateStatus.OutOfOffice => "outOfOffice",
        _ => "delegated",
    };
}
