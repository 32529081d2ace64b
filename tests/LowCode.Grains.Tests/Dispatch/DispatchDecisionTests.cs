using System.Text.Json;
using LowCode.Grains.Agents;
using LowCode.Grains.Contracts;
using LowCode.Grains.Organisation;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Tests.Tickets;
using LowCode.Runtime.Definitions;
using Xunit;

namespace LowCode.Grains.Tests.Dispatch;

/// <summary>Who gets the task, what the timeline says about why, and what happens when nobody can take it.</summary>
[Collection(TicketClusterCollection.Name)]
public sealed class DispatchDecisionTests(TicketCluster cluster)
{
    private readonly DispatchKit _kit = new(cluster);

    private async Task<TimelineRow> DecisionAsync(string ticketId) =>
        Assert.Single(await _kit.ReadModel.TimelineAsync(ticketId), e => e.Kind == "Dispatch");

    private static JsonElement Candidate(TimelineRow decision, string id) =>
        decision.After!.Value.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Least_loaded_spreads_tickets_opened_one_after_another_evenly_across_silos()
    {
        var crew = await _kit.AgentsAsync("tech", 3);
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, crew);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team });

        var assignees = new List<string?>();
        for (var i = 0; i < 7; i++) assignees.Add(Assert.Single((await _kit.OpenAsync(type)).Tasks).Assignee);

        Assert.Equal([crew[0], crew[1], crew[2], crew[0], crew[1], crew[2], crew[0]], assignees);
    }

    [Fact]
    public async Task The_decision_record_says_which_rule_ran_who_was_considered_and_why_the_winner_won()
    {
        var (li, sun, wang, zhao) = (_kit.Key("li"), _kit.Key("sun"), _kit.Key("wang"), _kit.Key("zhao"));
        DispatchKit.Ok(await _kit.Org.SaveAgentAsync(li, new AgentChange { Name = "李伟 Li Wei", Skills = new() { ["electrical"] = 4 }, Regions = ["HZ"] }, "test"));
        DispatchKit.Ok(await _kit.Org.SaveAgentAsync(sun, new AgentChange { Name = "孙丽 Sun Li", Skills = new() { ["electrical"] = 2 }, Regions = ["BJ"] }, "test"));
        DispatchKit.Ok(await _kit.Org.SaveAgentAsync(wang, new AgentChange { Name = "王强 Wang Qiang", Skills = new() { ["electrical"] = 5 }, Regions = ["HZ"], OnDuty = false }, "test"));
        DispatchKit.Ok(await _kit.Org.SaveAgentAsync(zhao, new AgentChange { Name = "赵刚 Zhao Gang", Skills = new() { ["electrical"] = 3 }, Regions = ["HZ"] }, "test"));
        var team = _kit.Key("electrical");
        await _kit.TeamAsync(team, [li, sun, wang, zhao]);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("electricians", "Electricians on site")
        {
            Team = team, Filter = "agent.Skills.Contains(form.Category) && agent.Region == form.Site", Strategy = "bestSkillScore", Skill = "form.Category",
        });

        // Hangzhou: no other test's repairs (Shanghai) match these electricians under the reference rule.
        var ticket = await _kit.OpenAsync(type, site: "HZ", category: "electrical");

        Assert.Equal(li, Assert.Single(ticket.Tasks).Assignee);
        var decision = await DecisionAsync(ticket.TicketId);
        Assert.Equal("dispatch", decision.Actor);
        Assert.Equal($"维修 Work → 李伟 Li Wei: first of 2 with room when asked: electrical level 4, ahead of 赵刚 Zhao Gang with 3 (rule 'Electricians on site' v1)", decision.Summary);
        var record = decision.After!.Value;
        Assert.Equal(("electricians", type, 1, "bestSkillScore", "assigned", "electrical"),
            (record.GetProperty("rule").GetString(), record.GetProperty("ticketType").GetString(), record.GetProperty("version").GetInt32(),
             record.GetProperty("strategy").GetString(), record.GetProperty("outcome").GetString(), record.GetProperty("skill").GetString()));
        Assert.Equal([li, zhao, wang, sun], record.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal((true, "eligible", 4m, 1, "reserved"), (Candidate(decision, li).GetProperty("filter").GetBoolean(), Candidate(decision, li).GetProperty("status").GetString(),
            Candidate(decision, li).GetProperty("score").GetDecimal(), Candidate(decision, li).GetProperty("rank").GetInt32(), Candidate(decision, li).GetProperty("reservation").GetString()));
        Assert.Equal((false, "filterFalse"), (Candidate(decision, sun).GetProperty("filter").GetBoolean(), Candidate(decision, sun).GetProperty("status").GetString()));
        Assert.Equal((true, "offDuty"), (Candidate(decision, wang).GetProperty("filter").GetBoolean(), Candidate(decision, wang).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_large_pool_lists_the_first_fifty_candidates_ranked_first_and_counts_every_status()
    {
        var crowd = await _kit.AgentsAsync("crowd", 53, capacity: 5);
        var chosen = await _kit.AgentsAsync("chosen", 2, capacity: 7);
        var team = _kit.Key("all");
        await _kit.TeamAsync(team, crowd.Concat(chosen));
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("all", "Big pool") { Team = team, Filter = "agent.Capacity == 7" });

        var ticket = await _kit.OpenAsync(type);

        var record = (await DecisionAsync(ticket.TicketId)).After!.Value;
        var listed = record.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(50, listed.Count);
        Assert.Equal(chosen, listed.Take(2));
        Assert.Equal(5, record.GetProperty("omitted").GetInt32());
        Assert.Equal((2, 53), (record.GetProperty("statuses").GetProperty("eligible").GetInt32(), record.GetProperty("statuses").GetProperty("filterFalse").GetInt32()));
    }

    [Fact]
    public async Task A_pool_where_more_than_fifty_pass_lists_the_first_fifty_ranked_first()
    {
        var crowd = await _kit.AgentsAsync("many", 55, capacity: 5);
        var team = _kit.Key("many");
        await _kit.TeamAsync(team, crowd);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("many", "Many") { Team = team, Filter = "agent.OnDuty" });

        var ticket = await _kit.OpenAsync(type);

        var record = (await DecisionAsync(ticket.TicketId)).After!.Value;
        Assert.Equal(LowCode.Grains.Dispatch.DecisionRecord.MaxListed, record.GetProperty("candidates").GetArrayLength());
        Assert.Equal((5, 55), (record.GetProperty("omitted").GetInt32(), record.GetProperty("statuses").GetProperty("eligible").GetInt32()));
    }

    [Fact]
    public async Task Out_of_office_agents_work_goes_to_their_delegate_and_the_record_says_so()
    {
        var (li, wang) = (_kit.Key("li"), _kit.Key("wang"));
        var away = new OutOfOffice { From = TicketCluster.Clock.GetUtcNow().AddDays(-1), Until = TicketCluster.Clock.GetUtcNow().AddDays(5), Delegate = wang };
        DispatchKit.Ok(await _kit.Org.SaveAgentAsync(li, new AgentChange { Name = "李伟 Li Wei", OutOfOffice = away }, "test"));
        DispatchKit.Ok(await _kit.Org.SaveAgentAsync(wang, new AgentChange { Name = "王芳 Wang Fang" }, "test"));
        var team = _kit.Key("desk");
        await _kit.TeamAsync(team, [li]); // the delegate is not even in the team
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("desk", "Desk") { Team = team });

        var ticket = await _kit.OpenAsync(type);

        Assert.Equal(wang, Assert.Single(ticket.Tasks).Assignee);
        var decision = await DecisionAsync(ticket.TicketId);
        Assert.Contains("delegate of 李伟 Li Wei (out of office)", decision.Summary, StringComparison.Ordinal);
        Assert.Equal(("delegated", wang), (Candidate(decision, li).GetProperty("status").GetString(), Candidate(decision, li).GetProperty("delegate").GetString()));
        Assert.Equal(li, Candidate(decision, wang).GetProperty("onBehalfOf").GetString());
        Assert.Equal(1, (await cluster.Grains.GetGrain<IAgentGrain>(wang).GetWorkload()).Load);
    }

    [Fact]
    public async Task When_everyone_is_off_duty_the_task_goes_to_the_fallback_queue_and_the_record_says_why()
    {
        var crew = await _kit.AgentsAsync("tech", 2, profile: new AgentChange { OnDuty = false });
        var (team, fallback) = (_kit.Key("crew"), _kit.Key("dispatchers"));
        await _kit.TeamAsync(team, crew);
        await _kit.TeamAsync(fallback, []);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team, FallbackTeam = fallback });

        var ticket = await _kit.OpenAsync(type);

        var task = Assert.Single(ticket.Tasks);
        Assert.Equal((null, new Participant(ParticipantKind.Team, fallback)), (task.Assignee, task.Candidates.Single()));
        var decision = await DecisionAsync(ticket.TicketId);
        Assert.Equal($"维修 Work offered to team {fallback}: the 2 agent(s) who passed the filter are off duty or out of office; fallback: offered to the queue of team {fallback} (rule 'Crew' v1)", decision.Summary);
        Assert.Equal("queued", decision.After!.Value.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Team_lead_fallback_gives_the_task_to_the_lead_within_the_leads_capacity()
    {
        var crew = await _kit.AgentsAsync("tech", 1, capacity: 1);
        var lead = (await _kit.AgentsAsync("lead", 1, capacity: 1))[0];
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, crew, lead);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team, Fallback = "teamLead" });

        var first = await _kit.OpenAsync(type);
        var second = await _kit.OpenAsync(type);
        var third = await _kit.OpenAsync(type);

        Assert.Equal([crew[0], lead, null], new[] { first, second, third }.Select(t => t.Tasks.Single().Assignee));
        Assert.Equal([new Participant(ParticipantKind.Team, team)], third.Tasks.Single().Candidates.ToArray());
        Assert.Contains("the lead lead 01 cannot take it (full: 1 of 1 in use)", (await DecisionAsync(third.TicketId)).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalate_fallback_queues_the_task_and_notifies_the_team_lead()
    {
        var lead = _kit.Key("lead");
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, [], lead);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team, Fallback = "escalate" });

        var ticket = await _kit.OpenAsync(type);

        var timeline = await _kit.ReadModel.TimelineAsync(ticket.TicketId);
        Assert.Equal("escalated", (await DecisionAsync(ticket.TicketId)).After!.Value.GetProperty("outcome").GetString());
        Assert.Contains(timeline, e => e.Kind == "NotificationSent" && e.Summary == "Dispatch: 维修 Work");
        Assert.Equal([new Participant(ParticipantKind.Team, team)], ticket.Tasks.Single().Candidates.ToArray());
    }

    [Fact]
    public async Task The_queue_strategy_offers_the_task_to_the_team_without_choosing_anyone()
    {
        var crew = await _kit.AgentsAsync("tech", 2);
        var team = _kit.Key("crew");
        await _kit.TeamAsync(team, crew);
        var type = await _kit.PublishAsync(new DispatchRuleDefinition("crew", "Crew") { Team = team, Strategy = "queue" });

        var task = Assert.Single((await _kit.OpenAsync(type)).Tasks);

        Assert.Equal((null, new Participant(ParticipantKind.Team, team)), (task.Assignee, task.Candidates.Single()));
        var workloads = await Task.WhenAll(crew.Select(id => cluster.Grains.GetGrain<IAgentGrain>(id).GetWorkload()));
        Assert.All(workloads, w => Assert.Equal(0, w.Load));
    }
}
