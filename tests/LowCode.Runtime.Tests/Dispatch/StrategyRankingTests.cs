using LowCode.Runtime.Dispatch;
using Xunit;
using static LowCode.Runtime.Tests.Dispatch.DispatchKit;

namespace LowCode.Runtime.Tests.Dispatch;

/// <summary>Each strategy's order, and ties that always break the same way.</summary>
public sealed class StrategyRankingTests
{
    [Fact]
    public void Least_loaded_ranks_by_the_share_of_capacity_in_use()
    {
        var ranking = Rank(Policy(DispatchStrategy.LeastLoaded), [Agent("a", load: 3), Agent("b", load: 1), Agent("c", load: 4, capacity: 20)]);

        Assert.Equal(["b", "c", "a"], ranking.Order()); // 20 %, 20 % with more tasks, 60 %
        Assert.Equal([0.8m, 0.8m, 0.4m], ranking.Ranked.Select(c => c.Score));
    }

    [Fact]
    public void Least_loaded_ties_go_to_fewer_open_tasks_then_to_the_lower_agent_id()
    {
        var ranking = Rank(Policy(DispatchStrategy.LeastLoaded), [Agent("zhao", load: 2, capacity: 10), Agent("wang", load: 1), Agent("li", load: 1), Agent("sun", load: 2, capacity: 10)]);

        Assert.Equal(["li", "wang", "sun", "zhao"], ranking.Order());
        Assert.Equal([1, 2, 3, 4], ranking.Ranked.Select(c => c.Rank));
    }

    [Fact]
    public void The_order_of_the_pool_does_not_change_the_ranking()
    {
        var pool = new[] { Agent("d"), Agent("a", load: 2), Agent("c"), Agent("b", load: 1) };

        var forwards = Rank(Policy(DispatchStrategy.LeastLoaded), pool);
        var backwards = Rank(Policy(DispatchStrategy.LeastLoaded), pool.Reverse());

        Assert.Equal(["c", "d", "b", "a"], forwards.Order());
        Assert.Equal(forwards.Order(), backwards.Order());
    }

    [Theory]
    [InlineData(0, new[] { "a", "b", "c" })]
    [InlineData(1, new[] { "b", "c", "a" })]
    [InlineData(2, new[] { "c", "a", "b" })]
    [InlineData(3, new[] { "a", "b", "c" })]
    [InlineData(7, new[] { "b", "c", "a" })]
    public void Round_robin_starts_one_place_further_with_every_turn(long turn, string[] expected)
    {
        var ranking = Rank(Policy(DispatchStrategy.RoundRobin), [Agent("c", load: 4), Agent("a"), Agent("b", load: 2)], rotation: turn);

        Assert.Equal(expected, ranking.Order());
    }

    [Fact]
    public void Best_skill_score_ranks_by_the_level_of_the_rules_skill_and_breaks_ties_by_load()
    {
        var ranking = Rank(Policy(DispatchStrategy.BestSkillScore, skill: "form.Category"),
            [Agent("novice", electrical: 1), Agent("expert-busy", electrical: 5, load: 3), Agent("expert", electrical: 5, load: 1), Agent("none", electrical: 0)]);

        Assert.Equal("electrical", ranking.Skill);
        Assert.Equal(["expert", "expert-busy", "novice", "none"], ranking.Order());
        Assert.Equal([5m, 5m, 1m, 0m], ranking.Ranked.Select(c => c.Score));
    }

    [Fact]
    public void Expression_score_ranks_highest_first()
    {
        var ranking = Rank(Policy(DispatchStrategy.ExpressionScore, score: "agent.Level(form.Category) * 10 - agent.OpenTasks"),
            [Agent("a", electrical: 3, load: 0), Agent("b", electrical: 4, load: 4), Agent("c", electrical: 4, load: 1)]);

        Assert.Equal(["c", "b", "a"], ranking.Order());
        Assert.Equal([39m, 36m, 30m], ranking.Ranked.Select(c => c.Score));
    }

    [Fact]
    public void A_score_that_fails_for_an_agent_excludes_only_that_agent_and_says_why()
    {
        var ranking = Rank(Policy(DispatchStrategy.ExpressionScore, score: "10 / agent.OpenTasks"), [Agent("idle", load: 0), Agent("busy", load: 2)]);

        Assert.Equal(["busy"], ranking.Order());
        Assert.Equal(CandidateStatus.ExpressionFailed, ranking.Verdict("idle").Status);
        Assert.StartsWith("score failed:", ranking.Verdict("idle").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_decides_who_is_a_candidate_and_every_answer_is_kept()
    {
        var ranking = Rank(Policy(DispatchStrategy.LeastLoaded, filter: "agent.Skills.Contains(form.Category) && agent.Region == form.Site"),
            [Agent("sh"), Agent("bj", region: "BJ"), Agent("sh-hvac", electrical: 0)]);

        Assert.Equal(["sh"], ranking.Order());
        Assert.Equal([(true, CandidateStatus.Eligible), (false, CandidateStatus.FilterFalse), (false, CandidateStatus.FilterFalse)],
            new[] { "sh", "bj", "sh-hvac" }.Select(id => (ranking.Verdict(id).PassedFilter!.Value, ranking.Verdict(id).Status)));
    }

    [Fact]
    public void Agents_believed_full_are_kept_apart_to_be_tried_last()
    {
        var ranking = Rank(Policy(DispatchStrategy.LeastLoaded), [Agent("full", load: 5), Agent("room", load: 4), Agent("heavy", load: 3)], weight: 2);

        Assert.Equal(["heavy"], ranking.Order());
        Assert.Equal(["room", "full"], ranking.Full.Select(c => c.Agent.Id));
        Assert.Equal(CandidateStatus.Full, ranking.Verdict("full").Status);
    }

    [Fact]
    public void The_reason_names_what_decided_between_the_first_two()
    {
        var busy = Rank(Policy(DispatchStrategy.LeastLoaded), [Agent("li", load: 1), Agent("sun", load: 3)]);
        var tied = Rank(Policy(DispatchStrategy.LeastLoaded), [Agent("li", load: 1), Agent("sun", load: 1)]);
        var skill = Rank(Policy(DispatchStrategy.BestSkillScore, skill: "\"electrical\""), [Agent("li", electrical: 4), Agent("sun", electrical: 2)]);

        Assert.Equal("least loaded: 1 of 5 in use, against 3 of 5 in use for Agent sun", Explain(busy));
        Assert.Equal("as loaded as Agent sun (1 of 5 in use); the tie goes to the lower id (li before sun)", Explain(tied));
        Assert.Equal("electrical level 4, ahead of Agent sun with 2", Explain(skill, DispatchStrategy.BestSkillScore));
    }

    private static string Explain(Ranking ranking, DispatchStrategy strategy = DispatchStrategy.LeastLoaded) =>
        DispatchOrder.Explain(strategy, ranking.Ranked[0], ranking.Ranked[1], ranking.Skill);
}
