using System.Collections.Immutable;
using System.Collections.Frozen;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Scripting;

namespace LowCode.Runtime.Execution;

/// <summary>
/// A validated definition compiled for execution: nodes by id, where each port leads, and every
/// expression, template and script compiled once. Immutable and shared by all tickets of a version.
/// Compiled artefacts are found by "<c>nodeId:property.path</c>", the same path validation reports.
/// </summary>
public sealed class ExecutionPlan
{
    internal ExecutionPlan(
        WorkflowDefinition definition, string ticketType, int version, ExpressionSchema schema,
        IReadOnlyDictionary<string, PlanNode> nodes, string startNodeId,
        IReadOnlyDictionary<string, CompiledExpression> expressions,
        IReadOnlyDictionary<string, CompiledTemplate> templates,
        IReadOnlyDictionary<string, CompiledScript> scripts,
        IReadOnlyDictionary<string, BusinessCalendar> calendars,
        ScriptLimits scriptLimits)
    {
        Definition = definition;
        TicketType = ticketType;
        Version = version;
        Schema = schema;
        Nodes = nodes.ToFrozenDictionary(StringComparer.Ordinal);
        StartNodeId = startNodeId;
        Expressions = expressions.ToFrozenDictionary(StringComparer.Ordinal);
        Templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
        Scripts = scripts.ToFrozenDictionary(StringComparer.Ordinal);
        Calendars = calendars.ToFrozenDictionary(StringComparer.Ordinal);
        ScriptLimits = scriptLimits;
        DefaultCalendar = definition.Calendar is { } key && calendars.TryGetValue(key, out var c) ? c : BusinessCalendar.AlwaysOpen;
        VariableTypes = definition.Variables.ToFrozenDictionary(v => v.Name, v => new FieldSchema(v.Name, v.Type), StringComparer.Ordinal);
        InitialVariables = definition.Variables.Where(v => v.Default is not null)
            .ToImmutableDictionary(v => v.Name, v => DataTypes.Store(DataTypes.View(VariableTypes[v.Name], v.Default)), StringComparer.Ordinal);
    }

    public WorkflowDefinition Definition { get; }
    public string TicketType { get; }
    public int Version { get; }
    public ExpressionSchema Schema { get; }
    public string StartNodeId { get; }
    public FrozenDictionary<string, PlanNode> Nodes { get; }
    public FrozenDictionary<string, CompiledExpression> Expressions { get; }
    public FrozenDictionary<string, CompiledTemplate> Templates { get; }
    public FrozenDictionary<string, CompiledScript> Scripts { get; }
    public FrozenDictionary<string, BusinessCalendar> Calendars { get; }
    public FrozenDictionary<string, FieldSchema> VariableTypes { get; }
    public BusinessCalendar DefaultCalendar { get; }

    /// <summary>Variables with defaults, as a new ticket starts with them.</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, object?> InitialVariables { get; }
    public ScriptLimits ScriptLimits { get; }

    public BusinessCalendar Calendar(string? key) =>
        key is not null && Calendars.TryGetValue(key, out var calendar) ? calendar : DefaultCalendar;

    public CompiledExpression? Expression(string nodeId, string path) =>
        Expressions.TryGetValue(nodeId + ":" + path, out var e) ? e : null;

    public CompiledTemplate Template(string nodeId, string path) =>
        Templates.TryGetValue(nodeId + ":" + path, out var t) ? t : CompiledTemplate.Blank;
}

/// <summary>A node with where each of its ports leads.</summary>
public sealed class PlanNode(Node node, FrozenDictionary<string, string[]> targets)
{
    public Node Node { get; } = node;
    public FrozenDictionary<string, string[]> Targets { get; } = targets;

    /// <summary>For a join: the split whose branches it waits for, and how many there are.</summary>
    public string? MatchingSplit { get; internal set; }
    public int BranchCount { get; internal set; }

    public string[] TargetsOf(string port) => Targets.TryGetValue(port, out var t) ? t : [];

    /// <summary>A notify node's recipients when none is an expression (resolved once, not per ticket); default otherwise.</summary>
    public ImmutableArray<Participant> StaticRecipients { get; } =
        node is NotifyNode notify && notify.Recipients.All(r => r.Kind != ParticipantKind.Expression) ? [.. notify.Recipients] : default;
}
