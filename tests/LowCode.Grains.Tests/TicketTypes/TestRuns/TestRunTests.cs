using System.Collections.Immutable;
using System.Reflection;
using LowCode.Grains.TicketTypes;
using LowCode.Grains.TicketTypes.TestRuns;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using Xunit;
using static LowCode.Grains.Tests.TicketTypes.TestRuns.TestRunSamples;

namespace LowCode.Grains.Tests.TicketTypes.TestRuns;

/// <summary>The designer's test run: a draft run in memory on a virtual clock, with sample data and a sample agent pool.</summary>
public sealed class TestRunTests
{
    [Fact]
    public void A_small_expense_needs_only_the_line_manager()
    {
        var run = Started(ReferenceTicketTypes.ExpenseApproval(), Expense(420m));

        var approval = Task(run, "approve");
        Assert.Equal("u-li", approval.Task.Assignee); // the sample requester's line manager
        Assert.Contains("line manager", approval.Decision!.Summary, StringComparison.Ordinal);
        Complete(run, "approve", "approve");
        Complete(run, "pay", "paid");

        Assert.True(run.IsClosed);
        Assert.Equal("resolved", run.Ticket.Resolution);
        Assert.Single(run.Steps, s => s.Kind == TestRunStepKind.TaskCompleted && s.Subject.Contains("审批", StringComparison.Ordinal));
        Assert.Contains(Connection(run, "approve", "approved"), run.TakenConnections);
        Assert.DoesNotContain(Connection(run, "approve", "rejected"), run.TakenConnections);
        Assert.Equal(["approve", "computeTotal", "notifyApproved", "paid", "pay", "submit"], run.Visited.Order(StringComparer.Ordinal));
        Assert.Contains(run.Notifications, n => n.Subject.Contains("approved", StringComparison.Ordinal)); // listed, not sent
    }

    [Fact]
    public void A_large_expense_climbs_every_approval_level()
    {
        var run = Started(ReferenceTicketTypes.ExpenseApproval(), Expense(23_800m));

        var approvers = new List<string?>();
        while (run.WaitingTasks.SingleOrDefault(t => t.Task.NodeId == "approve") is { } level)
        {
            approvers.Add(level.Task.Assignee ?? string.Join(",", level.Task.Candidates));
            Complete(run, "approve", "approve");
        }

        Assert.Equal(["u-li", "u-qian", "Role:finance-director"], approvers); // manager, head of Production, finance director
        Assert.Equal("pay", Assert.Single(run.WaitingTasks).Task.NodeId);
        Assert.Equal(["pay"], run.Current);
    }

    [Fact]
    public void Rejecting_takes_the_other_branch()
    {
        var run = Started(ReferenceTicketTypes.ExpenseApproval(), Expense(420m));

        Complete(run, "approve", "reject", comment: "no receipt");

        Assert.Equal("rejected", run.Ticket.Resolution);
        Assert.Contains(Connection(run, "approve", "rejected"), run.TakenConnections);
        Assert.Contains(Connection(run, "notifyRejected", "out"), run.TakenConnections);
        Assert.DoesNotContain(Connection(run, "approve", "approved"), run.TakenConnections);
    }

    [Fact]
    public void Dispatch_chooses_the_least_loaded_technician_with_the_skill_at_the_site_and_says_why()
    {
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SH", "electrical"));

        var repair = Task(run, "repair");
        Assert.Equal("tech-wu", repair.Task.Assignee); // 1 of 8 in use, against 3 of 12 for 李强
        var record = repair.Decision!.Record;
        Assert.Equal(("technician-by-skill-region", 1, "assigned"), ((string)record["rule"]!, (int)record["version"]!, (string)record["outcome"]!));
        Assert.Contains("least loaded", (string)record["reason"]!, StringComparison.Ordinal);
        var candidates = ((ImmutableArray<object?>)record["candidates"]!).Cast<ImmutableDictionary<string, object?>>().ToDictionary(c => (string)c["id"]!);
        Assert.Equal(1, candidates["tech-wu"]["rank"]);
        Assert.Equal(2, candidates["tech-li"]["rank"]);
        Assert.Equal(false, candidates["tech-chen"]["filter"]); // Beijing
        Assert.Single(run.Steps[0].Dispatches);
    }

    [Fact]
    public void An_out_of_office_technician_hands_the_task_to_their_delegate()
    {
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SZ", "electrical"));

        var repair = Task(run, "repair");
        Assert.Equal("tech-ma", repair.Task.Assignee);
        Assert.Contains("delegate of", (string)repair.Decision!.Record["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_falls_back_to_the_teams_queue_when_no_agent_matches()
    {
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SZ", "hvac"));

        var repair = Task(run, "repair");
        Assert.Null(repair.Task.Assignee);
        Assert.Equal(new Participant(ParticipantKind.Team, "maintenance"), Assert.Single(repair.Task.Candidates));
        Assert.Equal("queued", repair.Decision!.Record["outcome"]);
        Assert.Contains("no agent passed the filter", (string)repair.Decision.Record["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Agents_fill_up_during_the_run_as_they_take_its_tasks()
    {
        var organisation = SampleOrganisation.Default with
        {
            Agents = [new SampleAgent("solo", "Solo") { Skills = new Dictionary<string, int> { ["electrical"] = 3 }, Region = "SH", Capacity = 1, OpenTasks = 1 }],
        };
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SH", "electrical"), organisation: organisation);

        var repair = Task(run, "repair");
        Assert.Equal("queued", repair.Decision!.Record["outcome"]);
        Assert.Contains("capacity", (string)repair.Decision.Record["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Fast_forward_fires_the_50_75_and_100_percent_thresholds_with_their_actions()
    {
        var definition = ReferenceTicketTypes.EquipmentRepair();
        var workflow = definition.Workflow with
        {
            Nodes = [.. definition.Workflow.Nodes.Select(n => n is UserTaskNode { Id: "repair" } repair ? repair with { Escalations = [] } : n)],
            Sla = new SlaDefinition
            {
                Calendar = "cn-workdays",
                Policies =
                [
                    new SlaPolicy("P3")
                    {
                        Resolution = new Duration(TimeSpan.FromHours(8), BusinessTime: true),
                        Thresholds =
                        [
                            new SlaThreshold(50) { Actions = [new EscalationAction(EscalationActionKind.Notify) { To = new Participant(ParticipantKind.Role, "team-lead"), Message = "half way" }] },
                            new SlaThreshold(75) { Actions = [new EscalationAction(EscalationActionKind.Reassign) { To = new Participant(ParticipantKind.User, "tech-chen") }] },
                            new SlaThreshold(100) { Actions = [new EscalationAction(EscalationActionKind.RaisePriority) { Priority = "P2" }], Port = "escalated" },
                        ],
                    },
                ],
            },
        };
        var run = Started(definition with { Workflow = workflow }, Repair("SH", "electrical"));
        var thresholds = Assert.Single(run.SlaClocks).Thresholds;
        Assert.Equal([(50, At(14)), (75, At(16)), (100, At(18))], thresholds.Select(t => (t.Percent, t.At)));

        Assert.True(run.Advance(TimeSpan.FromDays(1)).Succeeded);

        var fired = run.Steps.Where(s => s.Kind == TestRunStepKind.TimerFired).ToList();
        Assert.Equal([At(14), At(16), At(18)], fired.Select(s => (DateTimeOffset?)s.At));
        Assert.Contains(fired[0].Notifications, n => n.Recipients.Contains(new Participant(ParticipantKind.Role, "team-lead")));
        Assert.Contains(fired[1].Entries, e => e.Kind == TimelineKind.TaskAssigned && Equals(e.After, "tech-chen"));
        Assert.Contains(fired[2].Entries, e => e.Kind == TimelineKind.Sla && e.Summary.StartsWith("SLA breached", StringComparison.Ordinal));
        Assert.Contains(fired[2].Entries, e => e.Kind == TimelineKind.PriorityChanged && Equals(e.After, "P2"));
        Assert.Equal("P2", run.Ticket.Priority);
        Assert.Equal("supervisor", Assert.Single(run.WaitingTasks).Task.NodeId); // moved along the escalation port
        Assert.Contains(Connection(run, "repair", "escalated"), run.TakenConnections);
        Assert.Equal(TestRunStepKind.ClockAdvanced, run.Steps[^1].Kind);
        Assert.Equal(At(9)!.Value.AddDays(1), run.Now);
    }

    [Fact]
    public void Timers_and_SLA_thresholds_fire_in_due_order_with_the_reference_escalations()
    {
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SH", "electrical"), priority: "P2");
        var armed = run.Timers.Select(t => t.DueAt).ToList();
        Assert.Equal(armed.Order(), armed);

        Assert.True(run.AdvanceToNextDue().Succeeded);
        Assert.Equal(armed[0], run.Now);
        Assert.True(run.Advance(TimeSpan.FromHours(12)).Succeeded);

        var fired = run.Steps.Where(s => s.Kind == TestRunStepKind.TimerFired).ToList();
        Assert.Equal(fired.Select(s => s.At).Order(), fired.Select(s => s.At));
        Assert.Equal(["SLA firstResponse 75 %", "SLA firstResponse 100 %", "escalation 'four-hours' on 维修 Repair"], fired.Take(3).Select(s => s.Subject));
        Assert.Contains(fired, s => s.Entries.Any(e => e.Kind == TimelineKind.PriorityChanged && Equals(e.After, "P1")));
        Assert.Contains(fired, s => s.Notifications.Any(n => n.Recipients.Contains(new Participant(ParticipantKind.Role, "maintenance-manager"))));
    }

    [Fact]
    public void A_timer_step_waits_until_the_clock_passes_it()
    {
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SH", "electrical"));
        Complete(run, "repair", "needsParts", comment: "motor on order");
        Assert.Equal(["waitForParts"], run.Current);
        var wait = Assert.Single(run.Timers, t => t.Purpose == TimerPurpose.Wait);

        Assert.True(run.AdvanceTo(wait.DueAt).Succeeded);

        Assert.Equal("repair", Task(run, "repair").Task.NodeId);
        Assert.Contains(Connection(run, "waitForParts", "out"), run.TakenConnections);
        Assert.Contains(run.Steps, s => s.Kind == TestRunStepKind.TimerFired && s.At == wait.DueAt);
    }

    [Fact]
    public void The_analyst_answers_http_calls_and_scripts_run_for_real()
    {
        var run = Started(OrderBooking(attempts: 1), ImmutableDictionary<string, object?>.Empty);

        var call = Assert.Single(run.PendingHttpCalls);
        Assert.Equal(("POST", "https://erp.example.com/orders/REF-42"), (call.Method, call.Url)); // the script's result
        Assert.True(run.AnswerHttpCall(call.RequestId, succeeded: true, body: """{ "data": { "id": "PO-7" } }""").Succeeded);

        Assert.Equal("PO-7", run.Ticket.Vars["orderId"]);
        Assert.Equal("confirm", Task(run, "confirm").Task.NodeId);
        Assert.Empty(run.PendingHttpCalls);
    }

    [Fact]
    public void A_failed_http_call_is_retried_after_its_backoff_and_then_leaves_by_failed()
    {
        var run = Started(OrderBooking(attempts: 2), ImmutableDictionary<string, object?>.Empty);

        Assert.True(run.AnswerHttpCall(run.PendingHttpCalls.Single().RequestId, succeeded: false).Succeeded);
        Assert.Empty(run.PendingHttpCalls);
        Assert.Equal(TimerPurpose.Retry, Assert.Single(run.Timers).Purpose);
        Assert.True(run.AdvanceToNextDue().Succeeded);
        var retry = Assert.Single(run.PendingHttpCalls);
        Assert.Equal(2, retry.Attempt);
        Assert.True(run.AnswerHttpCall(retry.RequestId, succeeded: false, statusCode: 503).Succeeded);

        Assert.Equal("failed", run.Ticket.Resolution);
        Assert.Contains(Connection(run, "book", "failed"), run.TakenConnections);
    }

    [Fact]
    public void Bad_sample_data_gives_the_form_validators_problems_instead_of_a_run()
    {
        var start = TestRun.Start(ReferenceTicketTypes.EquipmentRepair(),
            new TestRunSetup { Form = Repair("Mars", "electrical").Remove("Asset").Add("Colour", "red") }, Calendars);

        Assert.False(start.Started);
        Assert.Equal(["Asset", "Colour", "Site"], start.FormProblems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_draft_that_does_not_compile_is_refused_with_the_compilers_problems()
    {
        var definition = ReferenceTicketTypes.ExpenseApproval();
        var broken = definition with { Workflow = definition.Workflow with { Connections = [.. definition.Workflow.Connections.Where(c => c.Source.Node != "pay")] } };

        var start = TestRun.Start(broken, new TestRunSetup { Form = Expense(420m) }, Calendars);

        Assert.False(start.Started);
        Assert.Contains(start.Problems, p => p.NodeId == "pay" || p.NodeId == "paid");
    }

    [Fact]
    public void A_task_form_is_checked_before_the_task_completes()
    {
        var run = Started(ReferenceTicketTypes.EquipmentRepair(), Repair("SH", "electrical"));
        var repair = Task(run, "repair");
        Assert.NotNull(repair.Form);

        var refused = run.Complete(repair.Task.Id, "repaired", ImmutableDictionary<string, object?>.Empty.Add("PartsCost", -5m));
        Assert.False(refused.Succeeded);
        Assert.Equal("PartsCost", Assert.Single(refused.FormProblems).Path);

        Assert.True(run.Complete(repair.Task.Id, "repaired", ImmutableDictionary<string, object?>.Empty.Add("PartsCost", 80m)).Succeeded);
        Assert.Equal(80m, run.Ticket.Form["PartsCost"]);
        Assert.Equal("qualityCheck", Assert.Single(run.WaitingTasks).Task.NodeId);
    }

    [Fact]
    public void The_simulator_depends_on_no_storage_grain_or_network_type()
    {
        string[] forbidden = ["Orleans", "LowCode.Grains.Storage", "LowCode.Grains.ReadModel", "LowCode.Grains.Attachments", "LowCode.Grains.Submissions",
            "LowCode.Grains.Effects", "LowCode.Grains.Timers", "Microsoft.Data", "Npgsql", "System.Net"];
        var types = typeof(TestRun).Assembly.GetTypes().Where(t => t.Namespace == typeof(TestRun).Namespace).ToList();
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var used = types.SelectMany(t => t.GetFields(all).Select(f => f.FieldType)
                .Concat(t.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))))
            .SelectMany(Flatten).Distinct().ToList();

        Assert.NotEmpty(types);
        Assert.Empty(used.Where(t => t.Namespace is { } ns && forbidden.Any(f => ns.StartsWith(f, StringComparison.Ordinal))).Select(t => t.FullName));
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.HasElementType ? Flatten(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type.GetGenericTypeDefinition())
        : [type];

    /// <summary>Monday 2 March 2026 at <paramref name="hour"/>:00 in Shanghai (the default start is 09:00).</summary>
    private static DateTimeOffset? At(int hour) => new DateTimeOffset(2026, 3, 2, hour, 0, 0, TimeSpan.FromHours(8));
}
