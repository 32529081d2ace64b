using LowCode.Forms.Checking;
using LowCode.Forms.Schema;
using LowCode.Grains.Contracts;
using LowCode.Grains.Dispatch;
using LowCode.Runtime.Dispatch;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Validation;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// Checks a whole ticket type (its forms and dispatch rules as well as its flow) and compiles the
/// flow against the form's fields. The same check runs for the designer, import and publish.
/// </summary>
public static class TicketTypeCompiler
{
    /// <summary>The code of a problem the form checker found (its path says where: <c>form.sections[0].fields[3].visibleWhen</c>).</summary>
    public const string FormProblemCode = "form";

    public static PlanResult Compile(TicketTypeDefinition definition, int version, IReadOnlyDictionary<string, BusinessCalendar> calendars)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(definition.Key) || !IsKey(definition.Key))
            problems.Add(new ValidationProblem("invalid-key", "The key must be lower-case letters, digits and '-' (e.g. equipment-repair).") { Path = "key" });
        if (string.IsNullOrWhiteSpace(definition.Name))
            problems.Add(new ValidationProblem("invalid-setting", "Give the ticket type a name.") { Path = "name" });
        CheckForm(definition.Form, "form", problems);
        foreach (var (key, form) in definition.TaskForms ?? []) CheckForm(form, $"taskForms.{key}", problems);

        var fields = FieldsOf(definition);
        var context = new PlanContext
        {
            TicketType = definition.Key,
            Version = version,
            FormFields = fields,
            TaskForms = (definition.TaskForms ?? []).Keys.ToHashSet(),
            DispatchRules = (definition.DispatchRules ?? []).Where(r => r is not null).Select(r => r.Key).ToHashSet(),
            Calendars = calendars,
        };
        var workflow = (definition.Workflow ?? new WorkflowDefinition()) with { Key = definition.Key };
        var result = WorkflowCompiler.Compile(workflow, context);
        problems.AddRange(result.Problems.Select(p => p.Path is null && p.NodeId is null ? p with { Path = "workflow" } : p));
        CheckRules(definition, fields, workflow, problems);
        return problems.Any(p => p.Severity == ProblemSeverity.Error) ? new PlanResult(null, problems) : new PlanResult(result.Plan, problems);
    }

    /// <summary>Every field expressions may read: the ticket form, then task form fields not already named.</summary>
    public static IReadOnlyList<FieldSchema> FieldsOf(TicketTypeDefinition definition)
    {
        var forms = new[] { definition.Form }.Concat((definition.TaskForms ?? []).Values).Where(f => f is not null);
        return forms.SelectMany(f => f.ToExpressionSchema().Form.Values)
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
    }

    /// <summary>The Forms library's design-time check, its paths put under the form's place in the ticket type.</summary>
    private static void CheckForm(FormSchema? form, string path, List<ValidationProblem> problems)
    {
        if (form is null) return;
        foreach (var p in FormSchemaChecker.Check(form))
            problems.Add(new ValidationProblem(FormProblemCode, p.Message) { Path = $"{path}.{p.Path}", Line = p.Line, Column = p.Column });
    }

    private static void CheckRules(TicketTypeDefinition definition, IReadOnlyList<FieldSchema> fields, WorkflowDefinition workflow, List<ValidationProblem> problems)
    {
        var compiler = ExpressionCompiler.For(ExpressionSchema.For(workflow, fields));
        var rules = definition.DispatchRules ?? [];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule is null || string.IsNullOrWhiteSpace(rule.Key) || !keys.Add(rule.Key))
            {
                problems.Add(new ValidationProblem("invalid-rule", "Each dispatch rule needs a unique key.") { Path = $"dispatchRules[{i}].key" });
                continue;
            }
            CheckRule(rule, $"dispatchRules[{i}]", compiler, problems);
        }
    }

    /// <summary>A rule's strategy, its expressions (filter: true/false, skill: text, score: a number), teams and fallback.</summary>
    private static void CheckRule(DispatchRuleDefinition rule, string path, ExpressionCompiler compiler, List<ValidationProblem> problems)
    {
        void Expression(string? text, Type type, string property)
        {
            if (text is null) return;
            foreach (var e in compiler.Compile(text, type).Errors)
                problems.Add(new ValidationProblem(ProblemCodes.Expression, e.Message) { Path = $"{path}.{property}", Line = e.Line, Column = e.Column });
        }
        void Problem(string property, string message) => problems.Add(new ValidationProblem("invalid-rule", message) { Path = $"{path}.{property}" });

        Expression(rule.Filter, typeof(bool), "filter");
        if (!DispatchStrategies.TryParse(string.IsNullOrEmpty(rule.Strategy) ? "leastLoaded" : rule.Strategy, out var strategy))
            Problem("strategy", $"Unknown strategy '{rule.Strategy}'. Use one of {string.Join(", ", DispatchStrategies.Names)}.");
        else if (strategy == DispatchStrategy.BestSkillScore && string.IsNullOrWhiteSpace(rule.Skill))
            Problem("skill", "bestSkillScore ranks by a skill: say which (e.g. form.Category or \"electrical\").");
        else if (strategy == DispatchStrategy.ExpressionScore && string.IsNullOrWhiteSpace(rule.Score))
            Problem("score", "expressionScore ranks by a score: give an expression (e.g. agent.Level(form.Category) * 10 - agent.OpenTasks).");
        else if (strategy == DispatchStrategy.Queue && string.IsNullOrWhiteSpace(rule.Team) && string.IsNullOrWhiteSpace(rule.FallbackTeam))
            Problem("team", "The queue strategy offers the task to a team: name it (team).");
        Expression(rule.Skill, typeof(string), "skill");
        Expression(rule.Score, typeof(decimal), "score");
        if (!DispatchFallbacks.TryParse(rule.Fallback, out var fallback))
            Problem("fallback", $"Unknown fallback '{rule.Fallback}'. Use one of {string.Join(", ", DispatchFallbacks.Names)}.");
        else if (fallback != DispatchFallback.Queue && string.IsNullOrWhiteSpace(rule.FallbackTeam) && string.IsNullOrWhiteSpace(rule.Team))
            Problem("fallbackTeam", $"The {rule.Fallback} fallback needs a team whose lead to involve (fallbackTeam).");
        if (rule.Team is { Length: > 0 } team && !IsKey(team)) Problem("team", $"'{team}' is not a team key (lower-case letters, digits and '-').");
        if (rule.FallbackTeam is { Length: > 0 } fallbackTeam && !IsKey(fallbackTeam))
            Problem("fallbackTeam", $"'{fallbackTeam}' is not a team key (lower-case letters, digits and '-').");
    }

    public static bool IsKey(string key) => key.Length is > 0 and <= 64 && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') && char.IsLetter(key[0]);
}
