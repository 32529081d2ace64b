using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Dispatch;
using LowCode.Grains.Organisation;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>
/// Dispatch as the <see cref="Dispatcher"/> does it — the rule compiled by <see cref="DispatchPolicies"/>, the pool
/// of the rule's team, <see cref="CandidateRanking"/>, the rule's fallback, the same <see cref="DecisionRecord"/> —
/// but against a sample organisation whose workload is known exactly, so nothing is reserved: the first ranked
/// candidate with room for the task's weight takes it. Org-chart approvals resolve with <see cref="OrgRelations"/>.
/// </summary>
internal sealed class TestRunDispatch(TicketTypeDefinition definition, ExecutionPlan plan, SampleOrganisation organisation,
    IReadOnlyDictionary<string, BusinessCalendar> calendars)
{
    private readonly Dictionary<string, long> _rotations = new(StringComparer.Ordinal);

    /// <summary>Who takes <paramref name="task"/>; null when it needs no decision (a person, role or team named directly).</summary>
    public DispatchDecision? Decide(TicketState ticket, TaskState task, DateTimeOffset now, Func<string, int> loadOf)
    {
        var snapshot = organisation.ToSnapshot(loadOf);
        if (task.Assignment.Rule is null || !task.Candidates.IsEmpty) return OrgRelations.Resolve(snapshot, ticket, task, now);

        var ruleKey = task.Assignment.Rule;
        var rule = (definition.DispatchRules ?? []).Find(r => r?.Key == ruleKey);
        var record = new DecisionRecord(plan.TicketType, plan.Version, task, ruleKey, rule);
        if (rule is null) return record.Unassigned($"rule '{ruleKey}' is not part of the draft");
        DispatchPolicy policy;
        try
        {
            policy = DispatchPolicies.Compile(plan.Schema, rule);
        }
        catch (InvalidOperationException e)
        {
            return Fallback(record, rule, snapshot, ticket, now, loadOf, $"the rule does not compile ({e.Message})");
        }
        if (policy.Strategy == DispatchStrategy.Queue)
            return record.Offered(rule.Team ?? rule.FallbackTeam!, "the rule offers the task to the team's queue for claiming", fallback: false);

        var (pool, description) = Dispatcher.Pool(rule, snapshot);
        record.Pool(description, pool.Count);
        var rotation = policy.Strategy == DispatchStrategy.RoundRobin ? NextTurn(rule.Key) : 0;
        var ranking = CandidateRanking.Rank(policy, DispatchScope.For(ticket, now, plan.DefaultCalendar),
            pool.Select(a => snapshot.Describe(a, loadOf(a.UserId), now, calendars)),
            id => snapshot.Agents.TryGetValue(id, out var agent) ? snapshot.Describe(agent, loadOf(id), now, calendars) : null, weight: 1, rotation);
        record.Ranked(ranking, []); // the whole sample pool is judged one by one (no static pre-filter here)

        for (var i = 0; i < ranking.Ranked.Count; i++)
        {
            var candidate = ranking.Ranked[i];
            var weight = snapshot.Agents[candidate.Agent.Id].WeightOf(ticket.Priority);
            var load = candidate.Agent.OpenTasks;
            if (load + weight > candidate.Agent.Capacity)
            {
                record.Attempt(candidate, new Reservation { Outcome = ReservationOutcome.Full, Load = load, Capacity = candidate.Agent.Capacity, Reason = $"full: {load} of {candidate.Agent.Capacity} in use" });
                continue;
            }
            record.Attempt(candidate, new Reservation { Outcome = ReservationOutcome.Reserved, Load = load + weight, Capacity = candidate.Agent.Capacity });
            var next = ranking.Ranked.Skip(i + 1).FirstOrDefault();
            var why = $"first of {ranking.Ranked.Count - i} with room: {DispatchOrder.Explain(policy.Strategy, candidate, next, ranking.Skill)}";
            return record.Assigned(candidate, why, candidate.Agent.Id);
        }
        return Fallback(record, rule, snapshot, ticket, now, loadOf, record.WhyNobody());
    }

    /// <summary>The fallback team's queue, its lead, or escalation — as <see cref="Dispatcher"/> applies them.</summary>
    private DispatchDecision Fallback(DecisionRecord record, DispatchRuleDefinition rule, OrgSnapshot snapshot, TicketState ticket, DateTimeOffset now,
        Func<string, int> loadOf, string why)
    {
        var teamKey = string.IsNullOrWhiteSpace(rule.FallbackTeam) ? rule.Team : rule.FallbackTeam;
        if (string.IsNullOrWhiteSpace(teamKey)) return record.Unassigned(why);
        DispatchFallbacks.TryParse(rule.Fallback, out var fallback);
        var team = snapshot.Teams.GetValueOrDefault(teamKey);
        if (team is null) why += $" (team {teamKey} is not in the sample organisation)";
        var lead = team?.Lead;
        if (fallback == DispatchFallback.TeamLead && lead is not null)
        {
            var profile = snapshot.Agents.GetValueOrDefault(lead);
            var leadName = profile?.Name ?? lead;
            if (profile is null) return record.AssignedToLead(lead, leadName, teamKey, why, null);
            var load = loadOf(lead);
            var availability = profile.AvailabilityAt(now, calendars);
            if (availability == Availability.Available && load + profile.WeightOf(ticket.Priority) <= profile.Capacity)
                return record.AssignedToLead(lead, leadName, teamKey, why, lead);
            why += $"; the lead {leadName} cannot take it ({(availability == Availability.Available ? $"full: {load} of {profile.Capacity} in use" : availability.ToString())})";
        }
        var notify = fallback == DispatchFallback.Escalate && lead is not null
            ? [new Runtime.Definitions.Participant(Runtime.Definitions.ParticipantKind.User, lead)]
            : System.Collections.Immutable.ImmutableArray<Runtime.Definitions.Participant>.Empty;
        return record.Offered(teamKey, why, fallback: true, notify);
    }

    private long NextTurn(string rule)
    {
        var turn = _rotations.GetValueOrDefault(rule);
        _rotations[rule] = turn + 1;
        return turn;
    }
}
