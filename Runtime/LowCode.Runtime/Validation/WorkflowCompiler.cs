using System.Collections.Frozen;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Scripting;

namespace LowCode.Runtime.Validation;

/// <summary>
/// Validates a definition and, when it has no errors, compiles it into an <see cref="ExecutionPlan"/>.
/// It reports every problem at once and never throws, whatever the definition holds.
/// Graph rules live in WorkflowCompiler.Graph.cs, per-kind rules in WorkflowCompiler.Nodes.cs.
/// </summary>
public sealed partial class WorkflowCompiler
{
    private readonly WorkflowDefinition _definition;
    private readonly PlanContext _context;
    private readonly ExpressionCompiler _expressions;
    private readonly List<ValidationProblem> _problems = [];
    private readonly Dictionary<string, CompiledExpression> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledTemplate> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledScript> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<string>>> _targets = new(StringComparer.Ordinal);

    private WorkflowCompiler(WorkflowDefinition definition, PlanContext context)
    {
        _definition = definition;
        _context = context;
        var variables = (definition.Variables ?? []).Where(v => v is not null && !string.IsNullOrWhiteSpace(v.Name))
            .Select(v => new FieldSchema(v.Name, v.Type));
        _expressions = ExpressionCompiler.For(new ExpressionSchema(context.FormFields ?? [], variables));
    }

    /// <summary>Every problem of the definition; empty when it can be published.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition, PlanContext? context = null) =>
        Compile(definition, context).Problems;

    public static PlanResult Compile(WorkflowDefinition definition, PlanContext? context = null)
    {
        context ??= PlanContext.Empty;
        var compiler = new WorkflowCompiler(definition, context);
        try
        {
            return compiler.Run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A safety net: every rule should report a problem rather than throw. Tests assert this never appears.
            compiler._problems.Add(new ValidationProblem(ProblemCodes.Internal, $"The definition could not be checked: {e.Message}"));
            return new PlanResult(null, compiler._problems);
        }
    }

    private PlanResult Run()
    {
        if (_definition.SchemaVersion is < 1 or > WorkflowDefinition.CurrentSchemaVersion)
            Add(ProblemCodes.SchemaVersion, $"schemaVersion {_definition.SchemaVersion} is not supported (expected 1..{WorkflowDefinition.CurrentSchemaVersion}).", path: "schemaVersion");
        if (_definition.Calendar is { } calendar && !_context.Calendars.ContainsKey(calendar))
            Add(ProblemCodes.UnknownReference, $"Unknown business calendar '{calendar}'.", path: "calendar");

        CheckVariables();
        CheckSla();
        var start = CheckNodes();
        CheckConnections();
        CheckSlaPortsUsed();
        var joins = start is null ? new Dictionary<string, (string Split, int Branches)>() : CheckGraph(start);
        foreach (var node in _nodes.Values) CheckNode(node);

        if (_problems.Any(p => p.Severity == ProblemSeverity.Error) || start is null)
            return new PlanResult(null, _problems);

        var planNodes = _nodes.Values.ToDictionary(n => n.Id, n =>
        {
            var targets = _targets.TryGetValue(n.Id, out var t) ? t : [];
            var planNode = new PlanNode(n, targets.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
            if (joins.TryGetValue(n.Id, out var join)) { planNode.MatchingSplit = join.Split; planNode.BranchCount = join.Branches; }
            return planNode;
        }, StringComparer.Ordinal);

        var calendars = new Dictionary<string, BusinessCalendar>(_context.Calendars, StringComparer.Ordinal);
        var plan = new ExecutionPlan(_definition, _context.TicketType, _context.Version, _expressions.Schema, planNodes, start,
            _compiled, _templates, _scripts, calendars, _context.ScriptLimits);
        return new PlanResult(plan, _problems);
    }

    private void CheckVariables()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var variables = _definition.Variables ?? [];
        for (var i = 0; i < variables.Count; i++)
        {
            var v = variables[i];
            var path = $"variables[{i}]";
            if (v is null || string.IsNullOrWhiteSpace(v.Name) || !IsIdentifier(v.Name))
                Add(ProblemCodes.InvalidVariable, "A variable needs a name made of letters, digits and '_' that does not start with a digit.", path: path);
            else if (!seen.Add(v.Name))
                Add(ProblemCodes.Duplicate, $"Variable '{v.Name}' is declared twice.", path: path);
            else if (!Enum.IsDefined(v.Type))
                Add(ProblemCodes.InvalidVariable, $"Variable '{v.Name}' has an unknown type.", path: path + ".type");
        }
    }

    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private void Add(string code, string message, string? nodeId = null, string? path = null, int? connection = null,
        ProblemSeverity severity = ProblemSeverity.Error, int? line = null, int? column = null) =>
        _problems.Add(new ValidationProblem(code, message)
        {
            NodeId = string.IsNullOrEmpty(nodeId) ? null : nodeId, Path = path, Connection = connection, Severity = severity, Line = line, Column = column,
        });
}

/// <summary>The outcome of compiling: a plan when there are no errors, and every problem found.</summary>
public sealed record PlanResult(ExecutionPlan? Plan, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Succeeded => Plan is not null;
    public IEnumerable<ValidationProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>Stable codes for each rule, so clients can react to a kind of problem.</summary>
public static class ProblemCodes
{
    public const string SchemaVersion = "schema-version";
    public const string MissingStart = "missing-start";
    public const string MultipleStarts = "multiple-starts";
    public const string InvalidId = "invalid-id";
    public const string Duplicate = "duplicate";
    public const string DanglingConnection = "dangling-connection";
    public const string DuplicateConnection = "duplicate-connection";
    public const string UnknownPort = "unknown-port";
    public const string AmbiguousPort = "ambiguous-port";
    public const string UnconnectedPort = "unconnected-port";
    public const string Unreachable = "unreachable";
    public const string NoWayToEnd = "no-way-to-end";
    public const string MissingDefault = "missing-default";
    public const string JoinWithoutSplit = "join-without-split";
    public const string Expression = "expression";
    public const string Script = "script";
    public const string UnknownReference = "unknown-reference";
    public const string InvalidSetting = "invalid-setting";
    public const string InvalidVariable = "invalid-variable";
    public const string LoopWithoutWait = "loop-without-wait";
    public const string Internal = "internal";
}
