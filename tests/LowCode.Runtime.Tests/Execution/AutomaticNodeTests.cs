using System.Collections.Immutable;
using System.Text.Json;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Json;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Tests.Support;
using LowCode.Runtime.Validation;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Execution;

/// <summary>Condition, timer, set variables, notify, sub-ticket and end nodes.</summary>
public sealed class AutomaticNodeTests
{
    private static readonly PlanContext Context = new()
    {
        FormFields = [new FieldSchema("Amount", DataType.Money), new FieldSchema("VisitDate", DataType.DateTime), new FieldSchema("Owner", DataType.User), new FieldSchema("Site", DataType.Choice)],
        Calendars = SampleTicketTypes.Calendars,
    };

    private static Driver Run(WorkflowDefinition definition, object? form = null) => new Driver(definition, Context).Start(form);

    [Theory]
    [InlineData(50000, "big")]
    [InlineData(7000, "medium")]
    [InlineData(10, "small")]
    public void Condition_takes_the_first_branch_that_holds_else_the_default(decimal amount, string expected)
    {
        var condition = new ConditionNode
        {
            Id = "size",
            Branches = [new ConditionBranch("big", "form.Amount > 20000"), new ConditionBranch("medium", "form.Amount > 5000")],
        };
        var t = Run(Build([Start(), condition, Task("big", "ok"), Task("medium", "ok"), Task("small", "ok"), End()],
            "start.out -> size", "size.big -> big", "size.medium -> medium", "size.default -> small",
            "big.ok -> end", "medium.ok -> end", "small.ok -> end"), new { Amount = amount });

        Assert.Single(t.OpenTaskNodes, expected);
    }

    [Fact]
    public void Failing_expression_raises_an_incident_that_can_be_retried_after_the_data_is_fixed()
    {
        var set = new SetVariablesNode { Id = "ratio", Assignments = [new VariableAssignment("ratio", "100 / form.Amount")] };
        var t = Run(Build([Start(), set, Task("work", "ok"), End()], [new VariableDefinition("ratio", DataType.Number)],
            "start.out -> ratio", "ratio.out -> work", "work.ok -> end"), new { Amount = 0m });

        var incident = Assert.Single(t.State.Incidents);
        Assert.Equal("ratio", incident.NodeId);
        Assert.Contains("100 / form.Amount", incident.Message);
        Assert.Contains("divide by zero", incident.Message, StringComparison.OrdinalIgnoreCase);

        t.Apply(new ExternalEvent("fix") { Data = ImmutableDictionary<string, object?>.Empty });
        var fixedState = t.State with { Form = t.State.Form.SetItem("Amount", 4m) };
        var retried = WorkflowEngine.Apply(t.Plan, fixedState, new RetryIncident(incident.Id) { At = t.Now });
        Assert.Empty(retried.State.Incidents);
        Assert.Equal(25m, retried.State.Vars["ratio"]);
        Assert.Contains(retried.State.Tasks, x => x.NodeId == "work");
    }

    [Fact]
    public void Set_variables_runs_in_order_and_stores_the_declared_type()
    {
        var set = new SetVariablesNode
        {
            Id = "calc",
            Assignments = [new VariableAssignment("net", "form.Amount * 0.87m"), new VariableAssignment("label", "\"net \" + vars.net"), new VariableAssignment("vip", "vars.net > 100")],
        };
        var t = Run(Build([Start(), set, End()],
            [new VariableDefinition("net", DataType.Money), new VariableDefinition("label", DataType.Text), new VariableDefinition("vip", DataType.Boolean)],
            "start.out -> calc", "calc.out -> end"), new { Amount = 200m });

        Assert.Equal(174.00m, t.State.Vars["net"]);
        Assert.Equal("net 174.00", t.State.Vars["label"]);
        Assert.Equal(true, t.State.Vars["vip"]);
        Assert.Equal(3, t.Timeline.Count(e => e.Kind == TimelineKind.VariableChanged));
    }

    [Fact]
    public void Timer_waits_business_time_and_fires_once()
    {
        var timer = new TimerNode { Id = "cool", Wait = new Duration(TimeSpan.FromHours(2), BusinessTime: true) { Calendar = SampleTicketTypes.CalendarKey } };
        var driver = new Driver(Build([Start(), timer, Task("after", "ok"), End()], "start.out -> cool", "cool.out -> after", "after.ok -> end"), Context)
        {
            Now = Driver.Monday9.AddHours(2.5), // 11:30: 30 minutes before lunch, 90 after
        };
        var t = driver.Start();
        var armed = t.State.Timers.Single();
        Assert.Equal(Driver.Monday9.AddHours(5.5), armed.DueAt); // 14:30

        t.Now = armed.DueAt;
        t.Apply(new TimerFired(armed.Id));
        Assert.Single(t.OpenTaskNodes, "after");
        var again = WorkflowEngine.Apply(t.Plan, t.State, new TimerFired(armed.Id) { At = t.Now });
        Assert.Empty(again.Effects);
        Assert.Equal<TaskState>(t.State.Tasks, again.State.Tasks);
    }

    [Fact]
    public void Timer_until_a_date_field_waits_until_then_or_passes_at_once_when_past()
    {
        var definition = Build([Start(), new TimerNode { Id = "visit", Until = "form.VisitDate" }, Task("onSite", "ok"), End()],
            "start.out -> visit", "visit.out -> onSite", "onSite.ok -> end");
        var future = Run(definition, new { VisitDate = Driver.Monday9.AddDays(3) });
        Assert.Equal(Driver.Monday9.AddDays(3), future.State.Timers.Single().DueAt);
        Assert.Empty(future.OpenTaskNodes);

        var past = Run(definition, new { VisitDate = Driver.Monday9.AddDays(-1) });
        Assert.Single(past.OpenTaskNodes, "onSite");
    }

    [Fact]
    public void Notify_renders_templates_and_resolves_expression_recipients()
    {
        var notify = new NotifyNode
        {
            Id = "tell", Channel = NotifyChannels.WeCom, Subject = "{{ ticket.Id }} at {{ form.Site }}", Body = "Amount: {{ form.Amount }}",
            Recipients = [new Participant(ParticipantKind.Expression, "form.Owner"), new Participant(ParticipantKind.Team, "site-ops")],
        };
        var t = Run(Build([Start(), notify, End()], "start.out -> tell", "tell.out -> end"), new { Site = "BJ", Amount = 12.5m, Owner = "u-zhou" });

        var sent = t.EffectsOf<SendNotificationEffect>().Single();
        Assert.Equal("T-1 at BJ", sent.Subject);
        Assert.Equal("Amount: 12.5", sent.Body);
        Assert.Equal([new Participant(ParticipantKind.User, "u-zhou"), new Participant(ParticipantKind.Team, "site-ops")], sent.Recipients.ToArray());
        Assert.Equal(TicketStatus.Closed, t.State.Status);
    }

    [Fact]
    public void Sub_ticket_waits_for_the_child_and_records_its_resolution()
    {
        var sub = new SubTicketNode { Id = "purchase", TicketType = "purchase-request", Wait = true, ResultVariable = "purchase", Form = new() { ["Amount"] = "form.Amount * 2" } };
        var t = Run(Build([Start(), sub, End()], [new VariableDefinition("purchase", DataType.Text)], "start.out -> purchase", "purchase.out -> end"), new { Amount = 21m });

        var child = t.EffectsOf<CreateChildTicketEffect>().Single();
        Assert.Equal("purchase-request", child.TicketType);
        Assert.Equal(42m, child.Form["Amount"]);
        Assert.Equal(TicketStatus.Open, t.State.Status);

        t.Apply(new ChildTicketClosed("unknown-request", "T-9", "resolved"));
        Assert.Equal(TicketStatus.Open, t.State.Status);
        t.Apply(new ChildTicketClosed(child.RequestId, "T-2", "resolved"));
        Assert.Equal("resolved", t.State.Vars["purchase"]);
        Assert.Equal(TicketStatus.Closed, t.State.Status);
    }

    [Fact]
    public void Sub_ticket_without_waiting_continues_at_once()
    {
        var sub = new SubTicketNode { Id = "spawn", TicketType = "site-visit" };
        var t = Run(Build([Start(), sub, End()], "start.out -> spawn", "spawn.out -> end"));
        Assert.Single(t.EffectsOf<CreateChildTicketEffect>());
        Assert.Equal(TicketStatus.Closed, t.State.Status);
    }

    [Fact]
    public void Loop_without_a_waiting_step_stops_with_an_incident_instead_of_hanging()
    {
        var definition = Build([Start(), new ConditionNode { Id = "again", Branches = [new ConditionBranch("loop", "true")] }, new SetVariablesNode { Id = "inc", Assignments = [new VariableAssignment("n", "vars.n + 1")] }, End()],
            [new VariableDefinition("n", DataType.Number, 0m)],
            "start.out -> again", "again.loop -> inc", "inc.out -> again", "again.default -> end");
        var result = WorkflowCompiler.Compile(definition, Context);
        Assert.Contains(result.Problems, p => p.Code == ProblemCodes.LoopWithoutWait && p.Severity == ProblemSeverity.Warning);

        var t = new Driver(result.Plan!).Start();
        Assert.Contains("automatic steps", Assert.Single(t.State.Incidents).Message);
    }

    [Fact]
    public void Same_inputs_give_the_same_state_and_effects()
    {
        string Once()
        {
            var t = new Driver(SampleTicketTypes.ExpenseApproval(), SampleTicketTypes.ExpenseApprovalContext()).Start(new { Amount = 9000m });
            t.Complete("approve", "approve");
            t.Advance(TimeSpan.FromDays(3));
            return JsonSerializer.Serialize(t.State, LowCodeJson.Options) + JsonSerializer.Serialize(t.Effects, LowCodeJson.Options);
        }
        Assert.Equal(Once(), Once());
    }

    [Fact]
    public void Effect_keys_are_unique_for_the_life_of_a_ticket()
    {
        var t = new Driver(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext()).Start(new { Asset = "A" });
        t.Complete("repair", "needsParts", comment: "order");
        t.Advance(TimeSpan.FromHours(25));
        t.Complete("repair", "repaired");
        t.Complete("qualityCheck", "pass");
        Assert.Equal(t.Effects.Count, t.Effects.Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void Ticket_state_round_trips_through_json()
    {
        var t = new Driver(SampleTicketTypes.ExpenseApproval(), SampleTicketTypes.ExpenseApprovalContext())
            .Start(new { Lines = new object[] { new { Item = "taxi", Category = "travel", Amount = 88.5m } } });
        var json = JsonSerializer.Serialize(t.State, LowCodeJson.Options);
        var back = JsonSerializer.Deserialize<TicketState>(json, LowCodeJson.Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, LowCodeJson.Options));
        var next = WorkflowEngine.Apply(t.Plan, back, new CompleteTask(back.OpenTasks.Single().Id, "approve") { At = t.Now });
        Assert.Single(next.State.OpenTasks, x => x.NodeId == "pay");
    }
}
