using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Tests.Support;
using Xunit;

namespace LowCode.Runtime.Tests.Golden;

/// <summary>The equipment repair flow (设备报修) driven through every path.</summary>
public sealed class RepairFlowTests
{
    private static readonly object Report = new { Asset = "Press #4", Site = "SH", Category = "electrical", Description = "Motor trips", Urgent = false };

    private static Driver NewTicket(DateTimeOffset? at = null)
    {
        var driver = new Driver(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext());
        if (at is not null) driver.Now = at.Value;
        return driver.Start(Report);
    }

    [Fact]
    public void Reported_repair_is_dispatched_by_rule_and_acknowledged_to_the_requester()
    {
        var t = NewTicket();

        var repair = t.OpenTask("repair");
        Assert.Equal("technician-by-skill-region", repair.Assignment.Rule);
        Assert.Equal("repair-report", t.EffectsOf<CreateTaskEffect>().Single().TaskForm);
        var ack = t.EffectsOf<SendNotificationEffect>().Single();
        Assert.Equal("报修已受理 Repair request T-1 received", ack.Subject);
        Assert.Equal(ParticipantKind.Requester, ack.Recipients.Single().Kind);
        Assert.Equal("Press #4 at SH: a technician will be assigned shortly.", ack.Body);
    }

    [Fact]
    public void Happy_path_repairs_passes_quality_check_and_closes_resolved()
    {
        var t = NewTicket();
        t.Complete("repair", "repaired", new { RepairNotes = "Replaced contactor", PartsCost = 120m });
        t.Complete("qualityCheck", "pass", actor: "qa-wang");

        Assert.Equal(TicketStatus.Closed, t.State.Status);
        Assert.Equal("resolved", t.State.Resolution);
        Assert.Equal(["acknowledge", "repair", "qualityCheck", "closed"], t.Path);
        Assert.Equal(120m, t.State.Form["PartsCost"]);
        Assert.Empty(t.State.Timers);
        Assert.Empty(t.State.Tokens);
        Assert.All(t.State.Tasks, task => Assert.Equal(Runtime.Execution.TaskStatus.Completed, task.Status));
    }

    [Fact]
    public void Escalation_timers_count_business_hours_and_skip_the_lunch_break()
    {
        var t = NewTicket();
        var due = t.State.Timers.Where(x => x.Purpose == TimerPurpose.Escalation).Select(x => x.DueAt).Order().ToList();

        Assert.Equal(Driver.Monday9.AddHours(5), due[0]); // 4 business hours: 9-12 and 13-14
        Assert.Equal(Driver.Monday9.AddHours(9), due[1]); // 8 business hours: until 18:00
        Assert.Equal(Driver.Monday9.AddHours(9), t.OpenTask("repair").DueAt);
    }

    [Fact]
    public void Friday_evening_report_escalates_on_monday_at_noon()
    {
        var friday5pm = new DateTimeOffset(2026, 3, 6, 17, 0, 0, TimeSpan.FromHours(8));
        var t = NewTicket(friday5pm);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.FromHours(8)), t.State.Timers.Where(x => x.Purpose == TimerPurpose.Escalation).Min(x => x.DueAt));
    }

    [Fact]
    public void Four_business_hours_without_repair_notify_the_team_lead_and_raise_priority()
    {
        var t = NewTicket();
        t.AdvanceTo(Driver.Monday9.AddHours(5));

        var notice = t.Effects.OfType<SendNotificationEffect>().Single(n => n.Body.Contains("open for 4 business hours"));
        Assert.Equal(new Participant(ParticipantKind.Role, "team-lead"), notice.Recipients.Single());
        Assert.Contains("Press #4", notice.Body);
        Assert.Equal("P2", t.State.Priority);
        var change = t.Timeline.Single(e => e.Kind == TimelineKind.PriorityChanged);
        Assert.Equal(("P3", "P2"), (change.Before, change.After));
        Assert.Equal(Runtime.Execution.TaskStatus.Open, t.OpenTask("repair").Status);
    }

    [Fact]
    public void Breached_repair_moves_to_the_supervisor_and_still_goes_through_quality_check()
    {
        var t = NewTicket();
        var firstTask = t.OpenTask("repair").Id;
        t.AdvanceTo(Driver.Monday9.AddHours(9));

        Assert.Equal(Runtime.Execution.TaskStatus.Cancelled, t.State.FindTask(firstTask)!.Status);
        Assert.Contains(t.Effects.OfType<SendNotificationEffect>(), n => n.Recipients.Contains(new Participant(ParticipantKind.Role, "maintenance-manager")));
        t.Complete("supervisor", "repaired", actor: "mgr-chen");
        t.Complete("qualityCheck", "pass");

        Assert.Equal(["acknowledge", "repair", "supervisor", "qualityCheck", "closed"], t.Path);
        Assert.Equal("resolved", t.State.Resolution);
    }

    [Fact]
    public void Waiting_for_parts_needs_a_comment_then_returns_to_repair_a_day_later()
    {
        var t = NewTicket();
        var before = t.State;

        var refused = Assert.Throws<EngineException>(() => t.Complete("repair", "needsParts"));
        Assert.Equal(EngineError.InvalidInput, refused.Error);
        Assert.Contains("requires a comment", refused.Message);
        Assert.Same(before, t.State);

        t.Complete("repair", "needsParts", comment: "Contactor on order");
        Assert.Empty(t.OpenTaskNodes);
        Assert.Equal(WaitKind.Timer, t.State.Tokens.Single().Waiting);

        t.Advance(TimeSpan.FromDays(1));
        Assert.Single(t.OpenTaskNodes, "repair");
        t.Complete("repair", "repaired");
        t.Complete("qualityCheck", "pass");
        Assert.Equal(TicketStatus.Closed, t.State.Status);
    }

    [Fact]
    public void Failed_quality_check_sends_the_work_back_and_the_third_failure_goes_to_the_supervisor()
    {
        var t = NewTicket();
        for (var round = 1; round <= 3; round++)
        {
            t.Complete("repair", "repaired");
            t.Complete("qualityCheck", "fail", comment: $"Still trips (round {round})");
            Assert.Equal((decimal)round, t.State.Vars["reworkCount"]);
            if (round < 3) Assert.Single(t.OpenTaskNodes, "repair");
        }
        Assert.Single(t.OpenTaskNodes, "supervisor");
        t.Complete("supervisor", "repaired");
        t.Complete("qualityCheck", "pass");

        Assert.Equal("resolved", t.State.Resolution);
        var changes = t.Timeline.Where(e => e.Kind == TimelineKind.VariableChanged).Select(e => (e.Before, e.After)).ToList();
        Assert.Equal([((object?)0m, (object?)1m), (1m, 2m), (2m, 3m)], changes);
    }

    [Fact]
    public void Cancelling_closes_the_ticket_and_withdraws_open_work()
    {
        var t = NewTicket();
        var armed = t.State.Timers.Select(x => x.Id).ToList();
        t.Apply(new CancelTicket("Duplicate of T-0") { Actor = "u-zhang" });

        Assert.Equal(TicketStatus.Cancelled, t.State.Status);
        Assert.Contains(t.LastEffects, e => e is CancelTaskEffect);
        Assert.Equal(armed.Order(), t.LastEffects.OfType<CancelTimerEffect>().Select(c => c.TimerId).Order());
        Assert.Equal(4, armed.Count); // the repair step's two escalations and the first-response and resolution clocks
        Assert.Empty(t.State.Timers);
        Assert.All(t.State.Sla, c => Assert.Equal(SlaClockStatus.Stopped, c.Status));
        var late = Assert.Throws<EngineException>(() => t.Apply(new CancelTicket("again")));
        Assert.Equal(EngineError.Conflict, late.Error);
    }
}
