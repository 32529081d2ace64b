using LowCode.Runtime.Dispatch;
using Xunit;
using static LowCode.Runtime.Tests.Dispatch.DispatchKit;

namespace LowCode.Runtime.Tests.Dispatch;

/// <summary>Off duty agents get no new work; out of office agents pass it to their delegate.</summary>
public sealed class AvailabilityTests
{
    private static readonly DispatchPolicy Electricians = Policy(DispatchStrategy.LeastLoaded, filter: "agent.Skills.Contains(form.Category)");

    [Fact]
    public void Off_duty_agents_pass_the_filter_but_are_not_candidates()
    {
        var ranking = Rank(Electricians, [Agent("li") with { OnDuty = false }, Agent("sun", load: 4)]);

        Assert.Equal(["sun"], ranking.Order());
        Assert.Equal((true, CandidateStatus.OffDuty), (ranking.Verdict("li").PassedFilter!.Value, ranking.Verdict("li").Status));
    }

    [Fact]
    public void Out_of_office_agent_is_replaced_by_their_delegate_even_from_outside_the_pool_and_filter()
    {
        var wang = Agent("wang", electrical: 0, load: 1);
        var ranking = Rank(Electricians, [Agent("li") with { OutOfOffice = true, Delegate = "wang" }, Agent("sun", load: 3)], others: [wang]);

        Assert.Equal(["wang", "sun"], ranking.Order());
        Assert.Equal("li", ranking.Ranked[0].OnBehalfOf);
        Assert.Equal((CandidateStatus.Delegated, "wang"), (ranking.Verdict("li").Status, ranking.Verdict("li").Delegate));
    }

    [Fact]
    public void A_delegate_ranks_by_their_own_workload()
    {
        var ranking = Rank(Electricians, [Agent("li") with { OutOfOffice = true, Delegate = "wang" }, Agent("sun", load: 1)], others: [Agent("wang", load: 4)]);

        Assert.Equal(["sun", "wang"], ranking.Order());
    }

    [Fact]
    public void A_delegate_who_is_also_a_candidate_is_ranked_once_on_their_own_merit()
    {
        var ranking = Rank(Electricians, [Agent("li") with { OutOfOffice = true, Delegate = "sun" }, Agent("sun", load: 1)]);

        var sun = Assert.Single(ranking.Ranked);
        Assert.Equal(("sun", null), (sun.Agent.Id, sun.OnBehalfOf));
    }

    [Fact]
    public void A_delegate_of_two_absent_agents_stands_in_once_for_the_lower_id_whatever_the_pool_order()
    {
        var pool = new[] { Agent("zhou") with { OutOfOffice = true, Delegate = "wang" }, Agent("li") with { OutOfOffice = true, Delegate = "wang" } };

        var forwards = Rank(Electricians, pool, others: [Agent("wang")]);
        var backwards = Rank(Electricians, pool.Reverse(), others: [Agent("wang")]);

        Assert.Equal(("wang", "li"), (Assert.Single(forwards.Ranked).Agent.Id, forwards.Ranked[0].OnBehalfOf));
        Assert.Equal("li", Assert.Single(backwards.Ranked).OnBehalfOf);
    }

    [Theory]
    [InlineData("", "no delegate named")]
    [InlineData("ghost", "delegate ghost is not an agent")]
    [InlineData("zhao", "delegate Agent zhao is off duty")]
    [InlineData("qian", "delegate Agent qian is out of office too")]
    public void Out_of_office_without_a_delegate_who_can_stand_in_excludes_the_agent(string delegateId, string note)
    {
        var others = new[] { Agent("zhao") with { OnDuty = false }, Agent("qian") with { OutOfOffice = true, Delegate = "li" } };
        var ranking = Rank(Electricians, [Agent("li") with { OutOfOffice = true, Delegate = delegateId }], others: others);

        Assert.Empty(ranking.Ranked);
        Assert.Equal((CandidateStatus.OutOfOffice, note), (ranking.Verdict("li").Status, ranking.Verdict("li").Note));
    }

    [Fact]
    public void A_filter_that_fails_at_run_time_excludes_the_agent_with_the_error()
    {
        var ranking = Rank(Policy(DispatchStrategy.LeastLoaded, filter: "10 / agent.OpenTasks > 1"), [Agent("idle"), Agent("busy", load: 2)]);

        Assert.Equal(["busy"], ranking.Order());
        Assert.Equal(CandidateStatus.ExpressionFailed, ranking.Verdict("idle").Status);
        Assert.Null(ranking.Verdict("idle").PassedFilter);
    }
}
