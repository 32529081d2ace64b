using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Tests.Support;
using LowCode.Runtime.Validation;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Execution;

/// <summary>The engine applies a dispatch decision as one change and records it with its reasons.</summary>
public sealed class DispatchInputTests
{
    private static readonly PlanContext Context = new() { DispatchRules = new HashSet<string> { "by-skill" } };

    private static Driver Open() =>
        new Driver(Build([Start(), Task("work", "ok") with { Assignment = new Assignment { Rule = "by-skill" } }, End()], "start.out -> work", "work.ok -> end"), Context).Start();

    private static readonly ImmutableDictionary<string, object?> Decision = ImmutableDictionary<string, object?>.Empty
        .Add("rule", "by-skill").Add("version", 3).Add("candidates", ImmutableArray.Create<object?>(ImmutableDictionary<string, object?>.Empty.Add("id", "li").Add("score", 0.8m)));

    [Fact]
    public void An_assignment_by_dispatch_sets_the_assignee_and_keeps_the_decision_on_the_timeline()
    {
        var t = Open();
        var task = t.OpenTask("work").Id;

        t.Apply(new DispatchTask(task, "Work → Li: least loaded") { Assignee = "li", Decision = Decision, Actor = "dispatch" });

        Assert.Equal("li", t.OpenTask("work").Assignee);
        var entry = Assert.Single(t.LastEffects.OfType<TimelineEffect>()).Entry;
        Assert.Equal((TimelineKind.Dispatch, "Work → Li: least loaded", "dispatch", "assignee"), (entry.Kind, entry.Summary, entry.Actor, entry.Subject));
        Assert.Same(Decision, entry.After);
    }

    [Fact]
    public void An_offer_by_dispatch_queues_the_task_and_can_notify_the_lead()
    {
        var t = Open();
        var task = t.OpenTask("work").Id;

        t.Apply(new DispatchTask(task, "Work offered to team maintenance: nobody had room")
        {
            Offer = [new Participant(ParticipantKind.Team, "maintenance")], Notify = [new Participant(ParticipantKind.User, "u-lead")],
        });

        Assert.Equal([new Participant(ParticipantKind.Team, "maintenance")], t.OpenTask("work").Candidates.ToArray());
        Assert.Null(t.OpenTask("work").Assignee);
        var note = Assert.Single(t.LastEffects.OfType<SendNotificationEffect>());
        Assert.Equal(["User:u-lead"], note.Recipients.Select(r => r.ToString()));
        Assert.Equal([TimelineKind.Dispatch, TimelineKind.NotificationSent], t.LastEffects.OfType<TimelineEffect>().Select(e => e.Entry.Kind));
    }

    [Fact]
    public void A_decision_for_a_closed_task_is_refused()
    {
        var t = Open();
        var task = t.OpenTask("work").Id;
        t.Complete("work", "ok");

        Assert.Equal(EngineError.Conflict, Assert.Throws<EngineException>(() => t.Apply(new DispatchTask(task, "late") { Assignee = "li" })).Error);
    }
}
