using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Tests.Support;
using LowCode.Runtime.Validation;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Execution;

/// <summary>
/// SLA clocks in business time: across nights, weekends, a holiday and a daylight-saving change; paused
/// while the ticket waits on the requester; warnings and breach at 50/75/100 % each doing their action;
/// stopped by a first response and by closing. Time only moves on the driver's virtual clock.
/// </summary>
public sealed class SlaTests
{
    private const string Berlin = "Europe/Berlin";

    /// <summary>Monday to Friday 09:00–18:00 in Berlin, with Easter Monday 2026 (6 April) off.</summary>
    private static readonly BusinessCalendar Office = BusinessCalendar.Standard("office", "Berlin office", Berlin, new(9, 0), new(18, 0)) with
    {
        Holidays = [new Holiday(new DateOnly(2026, 4, 6), "Easter Monday")],
    };

    private static readonly PlanContext Context = new() { Calendars = new Dictionary<string, BusinessCalendar> { ["office"] = Office } };

    private static Duration Business(double hours) => new(TimeSpan.FromHours(hours), BusinessTime: true);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(Berlin).GetUtcOffset(local));
    }

    /// <summary>Triage by the help desk, which may ask the requester for more information (a step assigned to the requester) or hand over to a supervisor.</summary>
    private static WorkflowDefinition Flow(SlaDefinition sla)
    {
        var customer = Task("customerInfo", "reply") with { Assignment = new Assignment { To = new Participant(ParticipantKind.Requester) } };
        var supervisor = sla.Policies.Any(p => p.Thresholds.Any(t => t.Port == "breached"));
        Node[] nodes = [Start(), Task("triage", "resolve", "needInfo"), customer, End(), .. supervisor ? [Task("supervisor", "resolve")] : Array.Empty<Node>()];
        string[] connections = ["start.out -> triage", "triage.resolve -> end", "triage.needInfo -> customerInfo", "customerInfo.reply -> triage",
            .. supervisor ? ["triage.breached -> supervisor", "supervisor.resolve -> end"] : Array.Empty<string>()];
        return Build(nodes, connections) with { Calendar = "office", Sla = sla };
    }

    private static SlaDefinition Policy(Duration? resolution, Duration? firstResponse = null, params SlaThreshold[] thresholds) =>
        new() { Policies = [new SlaPolicy("P2") { Resolution = resolution, FirstResponse = firstResponse, Thresholds = [.. thresholds] }] };

    private static Driver Open(SlaDefinition sla, DateTimeOffset at)
    {
        var driver = new Driver(Flow(sla), Context) { Now = at };
        return driver.Start(priority: "P2");
    }

    private static SlaClock Clock(Driver t, SlaClockKind kind) => t.State.Sla.Single(c => c.Kind == kind);

    private static List<string> SlaTimeline(Driver t) => [.. t.Timeline.Where(e => e.Kind == TimelineKind.Sla).Select(e => e.Summary)];

    [Fact]
    public void Resolution_due_time_skips_the_night_and_the_weekend()
    {
        var t = Open(Policy(Business(4)), Local(3, 6, 16)); // Friday 16:00

        Assert.Equal(Local(3, 9, 11), Clock(t, SlaClockKind.Resolution).DueAt); // 2 h Friday + 2 h Monday

        t.AdvanceTo(Local(3, 9, 10, 59));
        Assert.False(Clock(t, SlaClockKind.Resolution).Breached);
        t.AdvanceTo(Local(3, 9, 11));
        Assert.True(Clock(t, SlaClockKind.Resolution).Breached);
        Assert.Equal(Local(3, 9, 11), Clock(t, SlaClockKind.Resolution).BreachedAt);
        Assert.Contains(SlaTimeline(t), s => s.StartsWith("SLA breached: resolution target 4h 0m business time", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolution_due_time_skips_a_public_holiday()
    {
        var t = Open(Policy(Business(4)), Local(4, 3, 16)); // Friday before Easter Monday

        Assert.Equal(Local(4, 7, 11), Clock(t, SlaClockKind.Resolution).DueAt); // Monday 6 April is off
    }

    [Fact]
    public void Resolution_due_time_across_the_spring_clock_change_counts_working_hours_not_elapsed_hours()
    {
        var t = Open(Policy(Business(4)), Local(3, 27, 16)); // Friday before the change on Sunday 29 March

        var due = Clock(t, SlaClockKind.Resolution).DueAt!.Value;
        Assert.Equal(Local(3, 30, 11), due);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero), due.ToUniversalTime()); // CEST: +02:00
    }

    [Fact]
    public void Clocks_pause_while_the_ticket_waits_on_the_requester_and_resume_with_the_time_counted_so_far()
    {
        var t = Open(Policy(Business(8)), Local(3, 2, 9)); // Monday 09:00, due Monday 17:00
        Assert.Equal(Local(3, 2, 17), Clock(t, SlaClockKind.Resolution).DueAt);

        t.Now = Local(3, 2, 10);
        t.Complete("triage", "needInfo"); // one business hour used; now the requester must answer
        var paused = Clock(t, SlaClockKind.Resolution);
        Assert.Equal(SlaClockStatus.Paused, paused.Status);
        Assert.Equal(TimeSpan.FromHours(1), paused.Elapsed);
        Assert.Null(paused.DueAt);
        Assert.DoesNotContain(t.State.Timers, x => x.Purpose == TimerPurpose.Sla);

        t.AdvanceTo(Local(3, 3, 14)); // a day and a half later the requester replies
        t.Complete("customerInfo", "reply", actor: Driver.Requester.Id);

        var resumed = Clock(t, SlaClockKind.Resolution);
        Assert.Equal(SlaClockStatus.Running, resumed.Status);
        Assert.False(resumed.Breached);
        Assert.Equal(Local(3, 4, 12), resumed.DueAt); // 7 h left: Tuesday 14–18, Wednesday 09–12
        Assert.Equal(["paused", "resumed"], SlaTimeline(t).Where(s => s.Contains("paused") || s.Contains("resumed")).Select(s => s.Contains("paused") ? "paused" : "resumed"));
    }

    [Fact]
    public void Warnings_at_50_and_75_percent_and_the_breach_at_100_each_run_their_action()
    {
        var lead = new Participant(ParticipantKind.Role, "team-lead");
        var sla = new SlaDefinition
        {
            Policies =
            [
                new SlaPolicy("P2")
                {
                    Resolution = Business(8),
                    Thresholds =
                    [
                        new SlaThreshold(50) { Actions = [new EscalationAction(EscalationActionKind.Notify) { To = lead, Message = "{{ ticket.Title }} is half way to its SLA" }] },
                        new SlaThreshold(75) { Actions = [new EscalationAction(EscalationActionKind.Reassign) { To = new Participant(ParticipantKind.Team, "second-line") }] },
                        new SlaThreshold(100) { Actions = [new EscalationAction(EscalationActionKind.RaisePriority) { Priority = "P1" }] },
                    ],
                },
                new SlaPolicy("P1") { Resolution = Business(4) },
            ],
        };
        var t = Open(sla, Local(3, 2, 9));

        t.AdvanceTo(Local(3, 2, 12, 59));
        Assert.Empty(t.EffectsOf<SendNotificationEffect>());
        t.AdvanceTo(Local(3, 2, 13)); // 4 of 8 business hours
        var notice = Assert.Single(t.EffectsOf<SendNotificationEffect>());
        Assert.Equal(lead, Assert.Single(notice.Recipients));
        Assert.Equal("Test ticket is half way to its SLA", notice.Body);
        Assert.Empty(t.EffectsOf<ReassignTaskEffect>());

        t.AdvanceTo(Local(3, 2, 15)); // 6 of 8
        Assert.Equal(new Participant(ParticipantKind.Team, "second-line"), Assert.Single(t.EffectsOf<ReassignTaskEffect>()).To);
        Assert.Equal("P2", t.State.Priority);

        t.AdvanceTo(Local(3, 2, 17)); // 8 of 8
        var clock = Clock(t, SlaClockKind.Resolution);
        Assert.Equal("P1", t.State.Priority);
        Assert.True(clock.Breached);
        Assert.Equal("P1", clock.Priority); // the clock now measures against P1's 4 h, and stays breached
        Assert.Equal(TimeSpan.FromHours(4), clock.Target);
        Assert.Equal([50, 75, 100], clock.Fired.Order());
        t.Advance(TimeSpan.FromDays(3));
        Assert.Single(t.EffectsOf<SendNotificationEffect>()); // each threshold fired once
        Assert.Single(t.EffectsOf<ReassignTaskEffect>());
    }

    [Fact]
    public void A_breach_can_move_the_work_along_an_sla_port()
    {
        var t = Open(Policy(Business(2), thresholds: new SlaThreshold(100) { Port = "breached" }), Local(3, 2, 9));

        t.AdvanceTo(Local(3, 2, 11));

        Assert.Single(t.OpenTaskNodes, "supervisor");
        Assert.Equal(LowCode.Runtime.Execution.TaskStatus.Cancelled, t.State.Tasks.Single(x => x.NodeId == "triage").Status);
    }

    [Fact]
    public void First_response_is_met_when_an_agent_claims_the_task_and_not_when_the_requester_writes()
    {
        var t = Open(Policy(Business(8), firstResponse: Business(1)), Local(3, 2, 9));
        var task = t.OpenTask("triage");

        t.Now = Local(3, 2, 9, 20);
        t.Apply(new RecordResponse { Actor = Driver.Requester.Id }); // the requester writing again is no response
        Assert.Equal(SlaClockStatus.Running, Clock(t, SlaClockKind.FirstResponse).Status);
        t.Now = Local(3, 2, 9, 40);
        t.Apply(new AssignTask(task.Id, "tech-li") { Actor = "tech-li" });

        var response = Clock(t, SlaClockKind.FirstResponse);
        Assert.Equal(SlaClockStatus.Met, response.Status);
        Assert.Equal(TimeSpan.FromMinutes(40), response.Elapsed);
        Assert.False(response.Breached);
        Assert.Equal(SlaClockStatus.Running, Clock(t, SlaClockKind.Resolution).Status);
        t.Advance(TimeSpan.FromHours(2));
        Assert.False(Clock(t, SlaClockKind.FirstResponse).Breached); // a met clock never breaches
    }

    [Fact]
    public void A_staff_reply_is_a_first_response_and_a_late_one_is_recorded_as_late()
    {
        var t = Open(Policy(Business(8), firstResponse: Business(1)), Local(3, 2, 9));

        t.AdvanceTo(Local(3, 2, 10, 30));
        t.Apply(new RecordResponse { Actor = "tech-li" });

        var response = Clock(t, SlaClockKind.FirstResponse);
        Assert.Equal(SlaClockStatus.Met, response.Status);
        Assert.True(response.Breached);
        Assert.Contains(SlaTimeline(t), s => s == "SLA first response responded after 1h 30m of 1h 0m business time, 30m late");
    }

    [Fact]
    public void Closing_the_ticket_stops_its_clocks_and_cancels_their_timers()
    {
        var t = Open(Policy(Business(8), firstResponse: Business(1)), Local(3, 2, 9));

        t.Now = Local(3, 2, 11);
        t.Complete("triage", "resolve", actor: "tech-li");

        Assert.All(t.State.Sla, c => Assert.Equal(SlaClockStatus.Met, c.Status));
        Assert.Equal(TimeSpan.FromHours(2), Clock(t, SlaClockKind.Resolution).Elapsed);
        Assert.Empty(t.State.Timers);
        var armed = t.EffectsOf<ArmTimerEffect>().Select(a => a.TimerId).ToHashSet();
        Assert.Subset(armed, t.EffectsOf<CancelTimerEffect>().Select(c => c.TimerId).ToHashSet());
    }

    [Fact]
    public void Raising_the_priority_measures_the_same_time_against_the_new_target()
    {
        var sla = new SlaDefinition
        {
            Policies = [new SlaPolicy("P2") { Resolution = Business(8) }, new SlaPolicy("P1") { Resolution = Business(4) }],
        };
        var definition = Flow(sla);
        var triage = (UserTaskNode)definition.Nodes.Single(n => n.Id == "triage");
        definition.Nodes[definition.Nodes.IndexOf(triage)] = triage with
        {
            Escalations = [new Escalation { Id = "urgent", After = Business(1), Actions = [new EscalationAction(EscalationActionKind.RaisePriority) { Priority = "P1" }] }],
        };
        var t = new Driver(definition, Context) { Now = Local(3, 2, 9) }.Start(priority: "P2");

        t.AdvanceTo(Local(3, 2, 10));

        var clock = Clock(t, SlaClockKind.Resolution);
        Assert.Equal(("P1", TimeSpan.FromHours(4)), (clock.Priority, clock.Target));
        Assert.Equal(Local(3, 2, 13), clock.DueAt);
    }

    [Fact]
    public void A_ticket_whose_priority_has_no_policy_has_no_clocks()
    {
        var t = new Driver(Flow(Policy(Business(8))), Context) { Now = Local(3, 2, 9) }.Start(priority: "P4");

        Assert.Empty(t.State.Sla);
        Assert.Empty(t.State.Timers);
    }

    [Fact]
    public void Sla_problems_are_reported_with_their_path()
    {
        var sla = new SlaDefinition
        {
            Calendar = "nowhere",
            Policies =
            [
                new SlaPolicy("P1") { Resolution = Business(4), Thresholds = [new SlaThreshold(0) { Port = "bad port" }, new SlaThreshold(50)] },
                new SlaPolicy("P1") { Resolution = Business(-1) },
                new SlaPolicy("P3"),
                new SlaPolicy("P4") { Resolution = Business(2), Thresholds = [new SlaThreshold(80) { Clock = SlaClockKind.FirstResponse, Port = "late" }] },
            ],
        };

        var problems = WorkflowCompiler.Validate(Flow(sla), Context);

        var paths = problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "sla.calendar", "sla.policies[0].thresholds[0].percent", "sla.policies[0].thresholds[0].port",
            "sla.policies[0].thresholds[1].actions", "sla.policies[1].priority", "sla.policies[1].resolution",
            "sla.policies[2]", "sla.policies[3].thresholds[0].clock",
        }, paths);
        Assert.Contains(problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("'late'", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Null(p.NodeId));
    }

    [Fact]
    public void An_sla_port_may_only_leave_a_human_step()
    {
        var definition = Flow(Policy(Business(2), thresholds: new SlaThreshold(100) { Port = "breached" }));
        definition = definition with { Connections = [.. definition.Connections, Parse("start.breached -> supervisor")] };

        var problems = WorkflowCompiler.Validate(definition, Context);

        Assert.Contains(problems, p => p.Code == ProblemCodes.UnknownPort && p.NodeId == "start");
    }

    [Fact]
    public void Sla_definitions_round_trip_through_json()
    {
        var sla = Policy(Business(8), Business(1), new SlaThreshold(75) { Clock = SlaClockKind.Resolution, Port = "breached" });
        var json = System.Text.Json.JsonSerializer.Serialize(Flow(sla), LowCode.Runtime.Json.LowCodeJson.Options);

        var back = System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(json, LowCode.Runtime.Json.LowCodeJson.Options)!;

        Assert.Contains("\"clock\":\"resolution\"", json.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var policy = back.Sla!.Policies.Single();
        Assert.Equal(Business(8), policy.Resolution);
        Assert.Equal(75, policy.Thresholds.Single().Percent);
        Assert.Equal("breached", policy.Thresholds.Single().Port);
    }
}
