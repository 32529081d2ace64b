using CsCheck;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;
using Xunit;

namespace LowCode.Runtime.Tests.Properties;

/// <summary>Random definitions and random JSON never make validation or parsing throw.</summary>
public sealed class DefinitionPropertyTests
{
    private static readonly string[] Ids = ["start", "a", "b", "c", "end", "", "a b", "x:y"];
    private static readonly string[] PortNames = ["out", "ok", "done", "default", "approved", "rejected", "sentBack", "failed", "esc", "", "nope"];
    private static readonly string[] ExpressionPool =
        ["true", "form.Amount > 5", "vars.n + 1", "form.Nope", "((", "\"x\"", "now", "1 / 0", "typeof(string)", "", "cal.Add(now, Hours(1))", "form.Amount = 1"];

    private static readonly Gen<string> GenId = Gen.OneOf(Ids);
    private static readonly Gen<string> GenPort = Gen.OneOf(PortNames);
    private static readonly Gen<string> GenExpression = Gen.OneOf(ExpressionPool);
    private static readonly Gen<Participant> GenParticipant =
        Gen.Select(Gen.Enum<ParticipantKind>(), Gen.OneOf<string?>(new string?[] { null, "", "u1", "form.Amount", "(" }), (k, v) => new Participant(k, v));
    private static readonly Gen<Duration?> GenDuration =
        Gen.OneOf<Duration?>(Gen.Const((Duration?)null), Gen.Select(Gen.Int[-2, 10], Gen.Bool, (h, b) => (Duration?)new Duration(TimeSpan.FromHours(h), b)));

    private static readonly Gen<Node> GenNode = Gen.Select(GenId, Gen.Int[0, 12], GenExpression, GenPort, GenParticipant, GenDuration, (id, kind, expression, port, participant, duration) => kind switch
    {
        0 => (Node)new StartNode { Id = id },
        1 => new UserTaskNode
        {
            Id = id, Assignment = new Assignment { To = participant }, Actions = [new TaskAction(port, port)], Due = duration,
            Escalations = [new Escalation { Id = port, After = duration, Condition = expression, Port = port, Actions = [new EscalationAction(EscalationActionKind.Reassign) { To = participant }] }],
        },
        2 => new ApprovalNode { Id = id, AllowSendBack = port.Length > 3, Levels = [new ApprovalLevel { When = expression, Approvers = [participant] }], Due = duration },
        3 => new ConditionNode { Id = id, Branches = [new ConditionBranch(port, expression)] },
        4 => new ParallelSplitNode { Id = id },
        5 => new ParallelJoinNode { Id = id, Required = expression.Length % 4 },
        6 => new TimerNode { Id = id, Wait = duration, Until = port.Length > 4 ? expression : null },
        7 => new SetVariablesNode { Id = id, Assignments = [new VariableAssignment(port, expression)] },
        8 => new ScriptNode { Id = id, Code = expression },
        9 => new HttpCallNode { Id = id, Url = "https://x/{{" + expression + "}}", Response = [new ResponseMapping("n", "$." + port)] },
        10 => new NotifyNode { Id = id, Recipients = [participant], Subject = "{{ " + expression, Channel = port },
        11 => new SubTicketNode { Id = id, TicketType = port, Form = new() { ["A"] = expression }, ResultVariable = port },
        _ => new EndNode { Id = id, Resolution = port },
    });

    private static readonly Gen<Connection> GenConnection =
        Gen.Select(GenId, GenPort, GenId, (from, port, to) => new Connection(new Endpoint(from, port), new Endpoint(to)));

    private static readonly Gen<WorkflowDefinition> GenDefinition = Gen.Select(GenNode.List[0, 10], GenConnection.List[0, 14], Gen.Int[0, 1],
        (nodes, connections, version) => new WorkflowDefinition
        {
            SchemaVersion = version,
            Nodes = nodes,
            Connections = connections,
            Variables = [new VariableDefinition("n", DataType.Number)],
        });

    private static readonly PlanContext Context = new() { FormFields = [new FieldSchema("Amount", DataType.Money)] };

    [Fact]
    public void Random_definitions_never_make_the_validator_throw()
    {
        GenDefinition.Sample(definition =>
        {
            var result = WorkflowCompiler.Compile(definition, Context);
            Assert.DoesNotContain(result.Problems, p => p.Code == ProblemCodes.Internal);
            Assert.Equal(result.Plan is not null, !result.Errors.Any());
            Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }, iter: 400);
    }

    [Fact]
    public void Random_definitions_survive_a_json_round_trip()
    {
        GenDefinition.Sample(definition =>
        {
            var json = LowCodeJson.Serialize(definition);
            Assert.Equal(json, LowCodeJson.Serialize(LowCodeJson.Deserialize(json)));
        }, iter: 200);
    }

    [Fact]
    public void Random_json_text_is_either_read_or_refused_with_a_format_error()
    {
        var fragments = Gen.OneOf("{", "}", "[", "]", ",", ":", "\"nodes\"", "\"kind\"", "\"start\"", "\"id\"", "null", "1", "\"x\"", "\"connections\"", "true", "{\"kind\":\"end\",\"id\":\"e\"}");
        fragments.Array[0, 30].Select(parts => string.Concat(parts)).Sample(text =>
        {
            try
            {
                var definition = LowCodeJson.Deserialize(text);
                WorkflowCompiler.Validate(definition, Context);
            }
            catch (DefinitionFormatException)
            {
            }
        }, iter: 1000);
    }
}
