using LowCode.Runtime.Dispatch;
using Xunit;

namespace LowCode.Runtime.Tests.Dispatch;

public class PrefilterTests
{
    [Fact]
    public void The_leading_conditions_on_who_the_agent_is_form_the_prefilter_and_on_duty_stays_with_the_filter()
    {
        var prefilter = DispatchKit.Policy(DispatchStrategy.LeastLoaded, "agent.Skills.Contains(form.Category) && agent.Region == form.Site && agent.OnDuty").Filter!.Prefilter!;

        Assert.Equal(["Category", "Site"], prefilter.FormKeys.ToArray());
        Assert.False(prefilter.IsWholeFilter);
        var scope = DispatchKit.Scope();
        Assert.True(prefilter.Admits(scope, DispatchKit.Agent("sh") with { OnDuty = false }));
        Assert.False(prefilter.Admits(scope, DispatchKit.Agent("bj", region: "BJ")));
        Assert.False(prefilter.Admits(scope, DispatchKit.Agent("mech", electrical: 0)));
    }

    [Theory]
    [InlineData("agent.OnDuty && agent.Region == \"SH\"")]
    [InlineData("agent.OpenTasks < 3")]
    [InlineData("agent.FreeCapacity > 0 && agent.Region == form.Site")]
    [InlineData("now.Hour > 8 && agent.Region == form.Site")]
    [InlineData("ticket.Priority == \"P1\" && agent.Region == form.Site")]
    public void A_filter_that_starts_with_something_that_changes_between_dispatches_has_no_prefilter(string filter) =>
        Assert.Null(DispatchKit.Policy(DispatchStrategy.LeastLoaded, filter).Filter!.Prefilter);

    [Fact]
    public void The_memo_key_is_the_values_of_the_fields_read()
    {
        var prefilter = DispatchKit.Policy(DispatchStrategy.LeastLoaded, "agent.Region == form.Site").Filter!.Prefilter!;
        var shanghai = DispatchKit.Scope();
        var beijing = DispatchKit.Scope();
        beijing.Form = beijing.Form.SetItem("Site", "BJ").SetItem("Category", "hvac");

        Assert.True(prefilter.IsWholeFilter);
        Assert.NotEqual(prefilter.KeyOf(shanghai), prefilter.KeyOf(beijing));
        Assert.Equal(prefilter.KeyOf(shanghai), prefilter.KeyOf(DispatchKit.Scope()));
    }

    [Fact]
    public void Ranking_only_the_admitted_agents_gives_the_same_order_as_ranking_the_whole_pool()
    {
        var policy = DispatchKit.Policy(DispatchStrategy.LeastLoaded, "agent.Skills.Contains(form.Category) && agent.Region == form.Site && agent.OnDuty");
        var pool = Enumerable.Range(0, 40).Select(i => DispatchKit.Agent($"a{i:00}", load: i % 5, region: i % 3 == 0 ? "BJ" : "SH", electrical: i % 4) with { OnDuty = i % 7 != 0 }).ToList();
        var scope = DispatchKit.Scope();
        var admitted = pool.Where(a => policy.Filter!.Prefilter!.Admits(scope, a)).ToList();

        var whole = DispatchKit.Rank(policy, pool);
        var prefiltered = DispatchKit.Rank(policy, admitted);

        Assert.True(admitted.Count < pool.Count);
        Assert.Equal(whole.Order(), prefiltered.Order());
        Assert.Equal(whole.Verdicts.Count(v => v.Status == CandidateStatus.FilterFalse) - (pool.Count - admitted.Count),
            prefiltered.Verdicts.Count(v => v.Status == CandidateStatus.FilterFalse));
    }
}
