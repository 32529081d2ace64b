using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Validation;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Validation;

public sealed class ValidatorTests
{
    private static readonly PlanContext Context = new()
    {
        FormFields = [new FieldSchema("Amount", DataType.Money), new FieldSchema("Site", DataType.Choice)],
        TaskForms = new HashSet<string> { "repair-report" },
        DispatchRules = new HashSet<string> { "by-skill" },
        TicketTypes = new HashSet<string> { "purchase" },
        Calendars = SampleTicketTypes.Calendars,
    };

    private static IReadOnlyList<ValidationProblem> Problems(WorkflowDefinition definition) =>
        WorkflowCompiler.Validate(definition, Context).Where(p => p.Severity == ProblemSeverity.Error).ToList();

    private static ValidationProblem Single(WorkflowDefinition definition, string code) =>
        Assert.Single(Problems(definition), p => p.Code == code);

    private static WorkflowDefinition Linear(Node middle, params string[] extra) =>
        Build([Start(), middle, End()], ["start.out -> " + middle.Id, .. extra]);

    [Fact]
    public void Golden_definitions_are_valid()
    {
        Assert.DoesNotContain(WorkflowCompiler.Validate(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext()), p => p.Severity == ProblemSeverity.Error);
        Assert.DoesNotContain(WorkflowCompiler.Validate(SampleTicketTypes.ExpenseApproval(), SampleTicketTypes.ExpenseApprovalContext()), p => p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void A_flow_needs_exactly_one_start()
    {
        Assert.Contains(Problems(Build([End()])), p => p.Code == ProblemCodes.MissingStart);
        var two = Single(Build([Start("a"), Start("b"), End()], "a.out -> end", "b.out -> end"), ProblemCodes.MultipleStarts);
        Assert.Equal("b", two.NodeId);
    }

    [Fact]
    public void Duplicate_node_ids_are_reported_with_their_position()
    {
        var p = Single(Build([Start(), Task("t", "ok"), Task("t", "ok"), End()], "start.out -> t", "t.ok -> end"), ProblemCodes.Duplicate);
        Assert.Equal("nodes[2].id", p.Path);
    }

    [Fact]
    public void Unreachable_node_is_reported()
    {
        var p = Single(Build([Start(), Task("orphan", "ok"), End()], "start.out -> end", "orphan.ok -> end"), ProblemCodes.Unreachable);
        Assert.Equal("orphan", p.NodeId);
    }

    [Fact]
    public void Trap_cycle_without_a_way_to_an_end_is_reported_for_each_stuck_node()
    {
        var problems = Problems(Build([Start(), Task("a", "next"), Task("b", "back"), End()], "start.out -> a", "a.next -> b", "b.back -> a"));
        Assert.Equal(["a", "b", "start"], problems.Where(p => p.Code == ProblemCodes.NoWayToEnd).Select(p => p.NodeId).Order());
        Assert.Contains(problems, p => p.Code == ProblemCodes.Unreachable && p.NodeId == "end");
    }

    [Fact]
    public void Dangling_connection_names_the_missing_node()
    {
        var p = Single(Build([Start(), End()], "start.out -> end", "start.out -> ghost"), ProblemCodes.DanglingConnection);
        Assert.Equal(1, p.Connection);
        Assert.Contains("ghost", p.Message);
    }

    [Fact]
    public void Duplicate_connection_is_reported()
    {
        Assert.Equal(1, Single(Build([Start(), End()], "start.out -> end", "start.out -> end"), ProblemCodes.DuplicateConnection).Connection);
    }

    [Fact]
    public void Unknown_port_lists_the_ports_the_node_has()
    {
        var p = Single(Linear(Task("fix", "done"), "fix.done -> end", "fix.finished -> end"), ProblemCodes.UnknownPort);
        Assert.Contains("Its ports are: done", p.Message);
    }

    [Fact]
    public void One_port_leading_to_two_nodes_needs_a_split()
    {
        Single(Build([Start(), Task("a", "ok"), Task("b", "ok"), End()], "start.out -> a", "start.out -> b", "a.ok -> end", "b.ok -> end"), ProblemCodes.AmbiguousPort);
    }

    [Fact]
    public void Unconnected_action_is_reported()
    {
        var p = Single(Linear(Task("fix", "done", "escalate"), "fix.done -> end"), ProblemCodes.UnconnectedPort);
        Assert.Equal("ports.escalate", p.Path);
    }

    [Fact]
    public void Condition_without_default_is_reported()
    {
        var condition = new ConditionNode { Id = "c", Branches = [new ConditionBranch("big", "form.Amount > 1")] };
        Single(Linear(condition, "c.big -> end"), ProblemCodes.MissingDefault);
    }

    [Fact]
    public void Join_without_a_matching_split_is_reported()
    {
        var definition = Build([Start(), new ConditionNode { Id = "c", Branches = [new ConditionBranch("x", "true")] }, new ParallelJoinNode { Id = "join" }, End()],
            "start.out -> c", "c.x -> join", "c.default -> join", "join.out -> end");
        Assert.Equal("join", Single(definition, ProblemCodes.JoinWithoutSplit).NodeId);
    }

    [Fact]
    public void Join_waiting_for_more_branches_than_the_split_has_is_reported()
    {
        var definition = Build([Start(), new ParallelSplitNode { Id = "s" }, Task("a", "ok"), Task("b", "ok"), new ParallelJoinNode { Id = "j", Required = 3 }, End()],
            "start.out -> s", "s.out -> a", "s.out -> b", "a.ok -> j", "b.ok -> j", "j.out -> end");
        Assert.Equal("required", Single(definition, ProblemCodes.InvalidSetting).Path);
    }

    [Fact]
    public void Expression_that_does_not_parse_is_reported_with_line_and_column()
    {
        var condition = new ConditionNode { Id = "c", Branches = [new ConditionBranch("big", "form.Amount >\n   > 5")] };
        var p = Single(Linear(condition, "c.big -> end", "c.default -> end"), ProblemCodes.Expression);
        Assert.Equal("branches[0].when", p.Path);
        Assert.Equal(2, p.Line);
        Assert.Equal(4, p.Column);
    }

    [Fact]
    public void Expression_of_the_wrong_type_or_unknown_field_is_reported()
    {
        var condition = new ConditionNode { Id = "c", Branches = [new ConditionBranch("a", "form.Amount + 1"), new ConditionBranch("b", "form.Colour == \"red\"")] };
        var problems = Problems(Linear(condition, "c.a -> end", "c.b -> end", "c.default -> end"));
        Assert.Contains(problems, p => p.Path == "branches[0].when" && p.Message.Contains("true/false is expected"));
        Assert.Contains(problems, p => p.Path == "branches[1].when" && p.Message.Contains("Unknown form field 'Colour'") && p.Column == 1);
    }

    [Fact]
    public void Unknown_form_rule_calendar_variable_and_ticket_type_references_are_reported()
    {
        var task = Task("fix", "ok") with { TaskForm = "nope", Assignment = new Assignment { Rule = "by-luck" }, Due = new Duration(TimeSpan.FromHours(1), true) { Calendar = "mars" } };
        var set = new SetVariablesNode { Id = "set", Assignments = [new VariableAssignment("missing", "1")] };
        var sub = new SubTicketNode { Id = "sub", TicketType = "unicorn" };
        var problems = Problems(Build([Start(), task, set, sub, End()], "start.out -> fix", "fix.ok -> set", "set.out -> sub", "sub.out -> end"));

        Assert.Equal(["assignment.rule", "assignments[0].variable", "due.calendar", "taskForm", "ticketType"],
            problems.Where(p => p.Code == ProblemCodes.UnknownReference).Select(p => p.Path!).Order());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var definition = Build([Start("a"), Start("b"), Task("t"), new ConditionNode { Id = "c", Branches = [new ConditionBranch("x", "nonsense(")] }],
            "a.out -> t", "t.nope -> c", "c.x -> ghost");
        var codes = Problems(definition).Select(p => p.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { ProblemCodes.MultipleStarts, ProblemCodes.UnknownPort, ProblemCodes.DanglingConnection,
            ProblemCodes.MissingDefault, ProblemCodes.Expression, ProblemCodes.NoWayToEnd, ProblemCodes.InvalidSetting, ProblemCodes.Unreachable }, codes);
    }

    [Fact]
    public void Escalation_settings_are_checked()
    {
        var task = Task("fix", "ok") with
        {
            Escalations =
            [
                new Escalation { Id = "half", AtPercentOfDue = 50, Actions = [new EscalationAction(EscalationActionKind.RaisePriority)] },
                new Escalation { Id = "late", After = new Duration(TimeSpan.FromHours(4)), Port = "ok" },
                new Escalation { Id = "idle", After = new Duration(TimeSpan.FromHours(8)) },
            ],
        };
        var paths = Problems(Linear(task, "fix.ok -> end")).Select(p => p.Path).ToList();
        Assert.Contains("escalations[0].atPercentOfDue", paths);
        Assert.Contains("escalations[0].actions[0].priority", paths);
        Assert.Contains("escalations[1].port", paths);
        Assert.Contains("escalations[2].actions", paths);
    }

    [Fact]
    public void Http_call_settings_and_templates_are_checked()
    {
        var http = new HttpCallNode
        {
            Id = "erp", Method = "FETCH", Url = "ftp://erp/{{ form.Nope }}", Retry = new RetryPolicy { MaxAttempts = 0 },
            Response = [new ResponseMapping("orderId", "data.id")],
        };
        var problems = Problems(Linear(http, "erp.out -> end"));
        Assert.Equal(["method", "response[0].path", "response[0].variable", "retry.maxAttempts", "url", "url"],
            problems.Select(p => p.Path!).Order());
        Assert.Contains(problems, p => p.Path == "url" && p.Message.Contains("Unknown form field 'Nope'") && p.Column == 14);
    }

    [Fact]
    public void Timer_needs_exactly_one_of_duration_or_until()
    {
        Assert.Equal("wait", Single(Linear(new TimerNode { Id = "t" }, "t.out -> end"), ProblemCodes.InvalidSetting).Path);
        Assert.Equal("until", Single(Linear(new TimerNode { Id = "t", Until = "form.Amount" }, "t.out -> end"), ProblemCodes.Expression).Path);
    }

    [Fact]
    public void Valid_definition_compiles_into_a_plan_and_invalid_one_does_not()
    {
        var ok = WorkflowCompiler.Compile(Linear(Task("t", "ok"), "t.ok -> end"), Context);
        Assert.True(ok.Succeeded);
        Assert.Equal("start", ok.Plan!.StartNodeId);
        Assert.Equal(["end"], ok.Plan.Nodes["t"].TargetsOf("ok"));

        Assert.False(WorkflowCompiler.Compile(Build([Start()]), Context).Succeeded);
    }
}
