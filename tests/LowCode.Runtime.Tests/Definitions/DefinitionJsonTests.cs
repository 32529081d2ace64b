using LowCode.Runtime.Definitions;
using LowCode.Runtime.Json;
using LowCode.Runtime.Samples;
using Xunit;

namespace LowCode.Runtime.Tests.Definitions;

public sealed class DefinitionJsonTests
{
    /// <summary>A definition with every node kind and every optional setting filled in.</summary>
    internal static WorkflowDefinition EveryKind() => new()
    {
        Key = "everything",
        Name = "Every kind",
        Description = "round-trip fixture",
        Calendar = "cn-workdays",
        Variables = [new VariableDefinition("n", DataType.Number, 1m), new VariableDefinition("s", DataType.Text, "x"), new VariableDefinition("r", DataType.Text)],
        Nodes =
        [
            new StartNode { Id = "start", Name = "Start" },
            new UserTaskNode
            {
                Id = "task", Name = "Task", Description = "d", TaskForm = "f",
                Assignment = new Assignment { Rule = "rule", To = new Participant(ParticipantKind.Team, "ops") },
                Actions = [new TaskAction("done", "Done") { RequiresComment = true }],
                Due = new Duration(TimeSpan.FromHours(4), true) { Calendar = "cn-workdays" },
                Escalations = [new Escalation
                {
                    Id = "e", AtPercentOfDue = 75, Condition = "true", Port = "esc",
                    Actions = [new EscalationAction(EscalationActionKind.Notify) { To = new Participant(ParticipantKind.Role, "lead"), Message = "m", Channel = "email" },
                               new EscalationAction(EscalationActionKind.RaisePriority) { Priority = "P1" }],
                }],
            },
            new ApprovalNode
            {
                Id = "approve", AllowSendBack = true, TaskForm = "f", Due = new Duration(TimeSpan.FromDays(1)),
                Levels = [new ApprovalLevel { Name = "l1", When = "vars.n > 0", Mode = ApprovalMode.AllOf, Approvers = [new Participant(ParticipantKind.RequesterManager), new Participant(ParticipantKind.Expression, "form.Boss")] }],
            },
            new ConditionNode { Id = "cond", Branches = [new ConditionBranch("a", "vars.n > 1") { Label = "A" }] },
            new ParallelSplitNode { Id = "split" },
            new ParallelJoinNode { Id = "join", Required = 1 },
            new TimerNode { Id = "timer", Wait = new Duration(TimeSpan.FromMinutes(30)), Until = "now" },
            new SetVariablesNode { Id = "set", Assignments = [new VariableAssignment("n", "vars.n + 1")] },
            new ScriptNode { Id = "script", Code = "vars.n = 2;" },
            new HttpCallNode
            {
                Id = "http", Method = "POST", Url = "https://erp/{{ ticket.Id }}", Headers = new() { ["X-Key"] = "k" }, Body = "{}",
                Retry = new RetryPolicy { MaxAttempts = 5, InitialBackoff = TimeSpan.FromSeconds(1), Multiplier = 3 }, Timeout = TimeSpan.FromSeconds(10),
                Response = [new ResponseMapping("s", "$.data.id")],
            },
            new NotifyNode { Id = "notify", Channel = NotifyChannels.DingTalk, Recipients = [new Participant(ParticipantKind.User, "u1")], Subject = "s", Body = "b" },
            new SubTicketNode { Id = "sub", TicketType = "child", Form = new() { ["A"] = "1" }, Wait = true, ResultVariable = "r" },
            new EndNode { Id = "end", Resolution = "duplicate" },
        ],
        Connections = [new Connection(new Endpoint("start", "out"), new Endpoint("task")) { Label = "go" }],
        Layout = new DesignerLayout { Nodes = new() { ["start"] = new Position(10, 20.5) }, Zoom = 0.8, Pan = new Position(-5, 3) },
    };

    [Fact]
    public void Every_node_kind_round_trips_without_loss()
    {
        var json = LowCodeJson.Serialize(EveryKind());
        var back = LowCodeJson.Deserialize(json);

        Assert.Equal(json, LowCodeJson.Serialize(back));
        Assert.Equal(NodeKinds.All.Order(), back.Nodes.Select(n => n.Kind).Order());
        Assert.Equal(new Position(10, 20.5), back.Layout.Nodes["start"]);
        Assert.Equal(1m, back.Variables[0].Default);
        Assert.Contains("\"kind\": \"userTask\"", json);
        Assert.Contains("\"schemaVersion\": 1", json);
    }

    [Theory]
    [InlineData("equipment-repair")]
    [InlineData("expense-approval")]
    public void Golden_samples_round_trip(string name)
    {
        var definition = LowCodeJson.Deserialize(SampleTicketTypes.Json(name));
        var again = LowCodeJson.Deserialize(LowCodeJson.Serialize(definition));
        Assert.Equal(LowCodeJson.Serialize(definition), LowCodeJson.Serialize(again));
        Assert.Equal(definition.Nodes.Count, definition.Layout.Nodes.Count);
    }

    [Fact]
    public void Kind_may_come_after_other_properties()
    {
        var definition = LowCodeJson.Deserialize("""{"nodes":[{"id":"s","name":"S","kind":"start"}]}""");
        Assert.IsType<StartNode>(Assert.Single(definition.Nodes));
    }

    [Fact]
    public void Unknown_node_kind_is_a_format_error_naming_the_kinds()
    {
        var e = Assert.Throws<DefinitionFormatException>(() => LowCodeJson.Deserialize("""{"nodes":[{"kind":"teleport","id":"x"}]}"""));
        Assert.Contains("Known node kinds: start, userTask", e.Message);
        Assert.StartsWith("$.nodes[0]", e.Path);
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("""{"nodes": 5}""", "$.nodes")]
    [InlineData("""{"nodes":[{"kind":"timer","id":"t","wait":{"length":"soon"}}]}""", "$.nodes[0].wait.length")]
    [InlineData("""{"schemaVersion": 99}""", "$.schemaVersion")]
    [InlineData("null", "$")]
    public void Malformed_json_is_a_format_error_with_its_path(string json, string path)
    {
        var e = Assert.Throws<DefinitionFormatException>(() => LowCodeJson.Deserialize(json));
        Assert.Equal(path, e.Path);
    }
}
