using System.Collections.Immutable;
using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Organisation;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using Microsoft.Extensions.Logging;

namespace LowCode.Grains.Dispatch;

/// <summary>
/// Runs a task's dispatch rule: ranks the pool with <see cref="CandidateRanking"/>, then asks the
/// candidates' agent grains, best first, to reserve capacity for the task — moving on to the next when
/// one refuses (full, gone off duty) — so capacity is never exceeded however many tasks are dispatched
/// at once. When nobody takes it, the rule's fallback applies. Every outcome carries its decision record.
/// </summary>
public sealed class Dispatcher(OrgDirectory org, DispatchPolicies policies, DispatchPools pools, AgentLoadBoard board, CalendarCatalog calendars,
    IGrainFactory grains, ILogger<Dispatcher> log)
{
    /// <summary>Candidates believed full that are still asked (stalest first) before falling back: their load may have dropped.</summary>
    public const int FullProbes = 3;

    public static string TaskRef(string ticketId, string taskId) => $"{ticketId}/{taskId}";

    public async Task<DispatchDecision> DispatchAsync(CompiledTicketType compiled, TicketState ticket, TaskState task, DateTimeOffset now)
    {
        var ruleKey = task.Assignment.Rule!;
        var rule = compiled.Definition.DispatchRules.Find(r => r?.Key == ruleKey);
        var record = new DecisionRecord(compiled.Plan.TicketType, compiled.Plan.Version, task, ruleKey, rule);
        if (rule is null) return record.Unassigned($"rule '{ruleKey}' is not part of version {compiled.Plan.Version}");

        var snapshot = await org.CurrentAsync();
        DispatchPolicy policy;
        try
        {
            policy = policies.For(compiled, rule);
        }
        catch (InvalidOperationException e)
        {
            log.LogError(e, "Dispatch rule {Rule} of {Type} v{Version} does not compile", ruleKey, compiled.Plan.TicketType, compiled.Plan.Version);
            return await FallbackAsync(record, rule, snapshot, ticket, task, $"the rule does not compile ({e.Message})");
        }
        if (policy.Strategy == DispatchStrategy.Queue)
            return record.Offered(rule.Team ?? rule.FallbackTeam!, "the rule offers the task to the team's queue for claiming", fallback: false);

        var rotation = policy.Strategy == DispatchStrategy.RoundRobin
            ? await grains.GetGrain<IRoundRobinGrain>($"{compiled.Plan.TicketType}/{rule.Key}").Next()
            : 0;
        var (ranking, pool) = Rank(snapshot, compiled, rule, policy, ticket, now, rotation);
        record.Pool(pool.Description, pool.Size);
        record.Ranked(ranking, pool.LeftOut == 0 ? [] : pool.LeftOutAgents()
            .Select(agent => snapshot.Describe(agent, board.LoadOf(agent.UserId, snapshot.OpenTasks.GetValueOrDefault(agent.UserId)), now, calendars.All)));

        // Best first. Least loaded asks each agent to refuse if it is busier than ranked (another silo
        // dispatched meanwhile); it then goes back in the order by its true load. Those believed full are
        // asked last, stalest first, as their load may have dropped since.
        var reference = TaskRef(ticket.TicketId, task.Id);
        var remaining = ranking.Ranked.ToList();
        var probes = ranking.Full.OrderBy(c => board.ObservedAt(c.Agent.Id)).Take(FullProbes).ToList();
        while (remaining.Count + probes.Count > 0)
        {
            var ranked = remaining.Count > 0;
            var candidate = ranked ? remaining[0] : probes[0];
            (ranked ? remaining : probes).RemoveAt(0);
            var weight = snapshot.Agents.TryGetValue(candidate.Agent.Id, out var profile) ? profile.WeightOf(ticket.Priority) : 1;
            var condition = ranked && policy.Strategy == DispatchStrategy.LeastLoaded ? candidate.Agent.OpenTasks : (int?)null;
            var answer = await ReserveAsync(candidate.Agent.Id, reference, weight, candidate.Agent.OpenTasks, condition);
            record.Attempt(candidate, answer);
            if (answer.Holds)
            {
                var why = ranked
                    ? $"first of {remaining.Count + 1} with room when asked: {DispatchOrder.Explain(policy.Strategy, candidate, remaining.FirstOrDefault(), ranking.Skill)}"
                    : $"believed full, but had room when asked ({answer.Load} of {answer.Capacity} in use now)";
                return record.Assigned(candidate, why, candidate.Agent.Id);
            }
            if (answer.Outcome == ReservationOutcome.Busier && answer.Load + weight <= answer.Capacity)
                DispatchOrder.Insert(remaining, CandidateRanking.WithLoad(policy.Strategy, candidate, answer.Load), policy.Strategy);
        }
        return await FallbackAsync(record, rule, snapshot, ticket, task, record.WhyNobody());
    }

    /// <summary>
    /// The ranking step alone, without asking any agent: the pool the filter's static conditions admit, described with
    /// this silo's view of their workload and availability at <paramref name="now"/>, ranked by the rule.
    /// </summary>
    public (Ranking Ranking, DispatchPool Pool) Rank(OrgSnapshot snapshot, CompiledTicketType compiled, DispatchRuleDefinition rule, DispatchPolicy policy,
        TicketState ticket, DateTimeOffset now, long rotation = 0)
    {
        var scope = DispatchScope.For(ticket, now, compiled.Plan.DefaultCalendar);
        var pool = pools.For(snapshot, string.IsNullOrWhiteSpace(rule.Team) ? null : rule.Team, policy, scope);
        AgentInfo Describe(AgentProfile agent) =>
            snapshot.Describe(agent, board.LoadOf(agent.UserId, snapshot.OpenTasks.GetValueOrDefault(agent.UserId)), now, calendars.All);
        var ranking = CandidateRanking.Rank(policy, scope, pool.Admitted.Select(Describe),
            id => snapshot.Agents.TryGetValue(id, out var agent) ? Describe(agent) : null, weight: 1, rotation);
        return (ranking with { PrefilteredOut = pool.LeftOut }, pool);
    }

    /// <summary>A released task of a rule goes back to the rule's queue (its team, else its fallback team); null when the rule names none.</summary>
    public Task<DispatchDecision?> BackToQueueAsync(CompiledTicketType compiled, TaskState task, string actor)
    {
        var rule = compiled.Definition.DispatchRules.Find(r => r?.Key == task.Assignment.Rule);
        var team = string.IsNullOrWhiteSpace(rule?.Team) ? rule?.FallbackTeam : rule.Team;
        if (string.IsNullOrWhiteSpace(team)) return Task.FromResult<DispatchDecision?>(null);
        var record = new DecisionRecord(compiled.Plan.TicketType, compiled.Plan.Version, task, task.Assignment.Rule!, rule);
        return Task.FromResult<DispatchDecision?>(record.Offered(team, $"released by {actor}: back to the queue for claiming", fallback: false));
    }

    /// <summary>The team's queue, its lead, or escalation — as the rule says — when no candidate took the task.</summary>
    private async Task<DispatchDecision> FallbackAsync(DecisionRecord record, DispatchRuleDefinition rule, OrgSnapshot snapshot, TicketState ticket, TaskState task, string why)
    {
        var teamKey = string.IsNullOrWhiteSpace(rule.FallbackTeam) ? rule.Team : rule.FallbackTeam;
        if (string.IsNullOrWhiteSpace(teamKey)) return record.Unassigned(why);
        DispatchFallbacks.TryParse(rule.Fallback, out var fallback);
        var team = snapshot.Teams.GetValueOrDefault(teamKey);
        if (team is null) why += $" (team {teamKey} is not in the organisation)";
        var lead = team?.Lead;
        if (fallback == DispatchFallback.TeamLead && lead is not null)
        {
            var answer = await ReserveAsync(lead, TaskRef(ticket.TicketId, task.Id), snapshot.Agents.TryGetValue(lead, out var p) ? p.WeightOf(ticket.Priority) : 1, 0);
            var leadName = snapshot.Agents.TryGetValue(lead, out var profile) ? profile.Name : lead;
            if (answer.Holds || answer.Outcome == ReservationOutcome.NotAnAgent)
                return record.AssignedToLead(lead, leadName, teamKey, why, answer.Holds ? lead : null);
            why += $"; the lead {leadName} cannot take it ({answer.Reason})";
        }
        var notify = fallback == DispatchFallback.Escalate && lead is not null
            ? ImmutableArray.Create(new Participant(ParticipantKind.User, lead))
            : default;
        return record.Offered(teamKey, why, fallback: true, notify);
    }

    /// <summary>The agents the rule draws from: its team's members with agent profiles, or every agent.</summary>
    internal static (IReadOnlyList<AgentProfile> Pool, string Description) Pool(DispatchRuleDefinition rule, OrgSnapshot snapshot)
    {
        if (string.IsNullOrWhiteSpace(rule.Team)) return ([.. snapshot.Agents.Values], "all agents");
        if (!snapshot.Teams.TryGetValue(rule.Team, out var team)) return ([], $"team {rule.Team} (not in the organisation)");
        return ([.. team.Members.Select(m => snapshot.Agents.GetValueOrDefault(m)).OfType<AgentProfile>()], $"team {team.Key} ({team.Name})");
    }

    private async Task<Reservation> ReserveAsync(string agentId, string reference, int weight, int guess, int? ifLoadAtMost = null)
    {
        board.Begin(agentId, weight, guess);
        try
        {
            var answer = await grains.GetGrain<IAgentGrain>(agentId).TryReserve(reference, weight, ifLoadAtMost);
            board.End(agentId, weight, answer.Outcome == ReservationOutcome.NotAnAgent ? null : answer.Load);
            return answer;
        }
        catch
        {
            board.End(agentId, weight, null);
            throw;
        }
    }
}
