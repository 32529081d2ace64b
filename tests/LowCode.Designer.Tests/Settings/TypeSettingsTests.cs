using LowCode.Designer.TicketTypes.Settings;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.Tests.Settings;

public sealed class TypeSettingsTests : DesignerTest
{
    [Fact]
    public async Task Name_category_and_description_are_edited_as_undoable_steps()
    {
        var session = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());
        var settings = Render<TypeSettings>(p => p.Add(s => s.Session, session));

        settings.Find("[data-setting=name]").Change("差旅报销 Travel claims");
        settings.Find("[data-setting=category]").Change("Travel");

        Assert.Equal(("差旅报销 Travel claims", "Travel"), (session.Definition.Name, session.Definition.Category));
        session.Undo();
        Assert.Equal(ReferenceTicketTypes.ExpenseApproval().Category, session.Definition.Category);

        settings.Find("[data-setting=name]").Change("");
        settings.WaitForAssertion(() => Assert.Contains(settings.FindAll(".ts-general [data-list=setting-problems] li"), li => li.GetAttribute("data-path") == "name"));
    }

    [Fact]
    public async Task An_sla_policy_is_added_its_targets_and_a_threshold_edited_and_the_calendar_chosen()
    {
        var session = await OpenAsync(ReferenceTicketTypes.ExpenseApproval() with { Workflow = ReferenceTicketTypes.ExpenseApproval().Workflow with { Sla = null } });
        var settings = Render<TypeSettings>(p => p.Add(s => s.Session, session));

        settings.Find("[data-action=add-policy]").Click();
        settings.Find("[data-sla-policy=P1] [data-prop=firstResponse]").Change("30m");
        settings.Find("[data-sla-policy=P1] [data-prop=resolution]").Change("1d 4h");
        settings.Find("[data-sla-policy=P1] [data-prop='resolution.business']").Change(false);
        settings.Find("[data-sla-policy=P1] [data-action=add-threshold]").Click();
        settings.Find("[data-sla-policy=P1] [data-prop=percent]").Change("50");
        settings.Find("[data-sla-policy=P1] [data-prop=action-kind]").Change("RaisePriority");
        settings.Find("[data-sla-policy=P1] [data-prop=action-priority]").Change("P1");
        settings.Find("[data-setting=sla-calendar]").Change("24x7");

        var sla = session.Definition.Workflow.Sla!;
        var policy = Assert.Single(sla.Policies);
        Assert.Equal("24x7", sla.Calendar);
        Assert.Equal(new Duration(TimeSpan.FromMinutes(30), BusinessTime: true), policy.FirstResponse);
        Assert.Equal(new Duration(TimeSpan.FromHours(28), BusinessTime: false), policy.Resolution);
        var threshold = Assert.Single(policy.Thresholds);
        Assert.Equal((50, SlaClockKind.Resolution), (threshold.Percent, threshold.Clock));
        Assert.Equal(new EscalationAction(EscalationActionKind.RaisePriority) { Priority = "P1" }, Assert.Single(threshold.Actions) with { To = null });
        Assert.DoesNotContain(session.Problems, p => p.Path?.StartsWith("sla", StringComparison.Ordinal) == true);

        session.Undo();
        Assert.Null(session.Definition.Workflow.Sla!.Calendar);
    }

    [Fact]
    public async Task A_duration_that_is_not_one_is_refused_under_the_target_and_changes_nothing()
    {
        var session = await OpenAsync(ReferenceTicketTypes.ExpenseApproval() with { Workflow = ReferenceTicketTypes.ExpenseApproval().Workflow with { Sla = null } });
        var settings = Render<TypeSettings>(p => p.Add(s => s.Session, session));
        settings.Find("[data-action=add-policy]").Click();
        var before = session.Definition;

        settings.Find("[data-sla-policy=P1] [data-prop=resolution]").Change("soon");

        Assert.Same(before, session.Definition);
        Assert.NotNull(settings.Find("[data-sla-policy=P1] [data-error=resolution]"));
    }

    [Fact]
    public async Task A_dispatch_rule_is_edited_added_and_removed_and_its_problems_show_under_it()
    {
        var repair = ReferenceTicketTypes.EquipmentRepair();
        var session = await OpenAsync(repair);
        var settings = Render<TypeSettings>(p => p.Add(s => s.Session, session));
        var key = repair.DispatchRules[0].Key;

        settings.Find($"[data-dispatch-rule={key}] [data-prop=strategy]").Change("expressionScore");
        settings.Find($"#dr-0-score").Change("10 - agent.OpenTasks");
        settings.Find($"#dr-0-filter").Change("agent.Region == form.NoSuchField");

        var rule = session.Definition.DispatchRules[0];
        Assert.Equal(("expressionScore", "10 - agent.OpenTasks", "agent.Region == form.NoSuchField"), (rule.Strategy, rule.Score, rule.Filter));
        settings.WaitForAssertion(() => Assert.Contains(settings.FindAll($"[data-dispatch-rule={key}] [data-list=setting-problems] li"),
            li => li.GetAttribute("data-path") == "dispatchRules[0].filter"));

        settings.Find("[data-action=add-dispatch-rule]").Click();
        Assert.Equal("rule-1", session.Definition.DispatchRules[^1].Key);
        settings.Find("[data-dispatch-rule=rule-1] [data-action=remove-rule]").Click();
        Assert.Equal(repair.DispatchRules.Count, session.Definition.DispatchRules.Count);
    }

    [Theory]
    [InlineData("30m", 0, 30)]
    [InlineData("4h", 4 * 60, 0)]
    [InlineData("1d 4h 30m", 28 * 60, 30)]
    [InlineData("2D", 48 * 60, 0)]
    public void Durations_are_typed_as_days_hours_and_minutes(string text, int hours60, int minutes)
    {
        var parsed = DurationText.Parse(text);
        Assert.Equal(TimeSpan.FromMinutes(hours60 + minutes), parsed);
        Assert.Equal(parsed, DurationText.Parse(DurationText.Format(parsed!.Value)));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("4 hours later")]
    [InlineData("h")]
    public void Text_that_is_not_a_duration_is_refused(string text) => Assert.Null(DurationText.Parse(text));
}
