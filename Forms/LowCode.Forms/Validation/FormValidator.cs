using System.Collections.Immutable;
using LowCode.Forms.Schema;
using LowCode.Runtime.Expressions;

namespace LowCode.Forms.Validation;

/// <summary>
/// The server's check of submitted form data, the same rules the renderer shows as the user types.
/// In order: unknown fields are refused; defaults fill empty fields; read-only fields keep their
/// default; computed fields are recomputed (in dependency order); visibility is decided; then every
/// visible field is checked (required / requiredWhen, type, rules, rows, files) and the form-level
/// rules run. Hidden fields are neither validated nor kept. Never throws on any JSON input.
/// </summary>
public static class FormValidator
{
    public static FormValidationResult Validate(FormSchema schema, ImmutableDictionary<string, object?> data, FormValidationContext? context = null)
    {
        context ??= FormValidationContext.Default;
        data ??= ImmutableDictionary<string, object?>.Empty;
        var problems = new List<FormProblem>();
        var fields = schema.AllFields().Where(f => !string.IsNullOrEmpty(f.Key))
            .GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var known = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var key in data.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
            problems.Add(new FormProblem(key, FormProblemCodes.UnknownField, $"'{key}' is not a field of this form."));

        var evaluator = new FormEvaluator(ExpressionCompiler.For(schema.ToExpressionSchema()), context, problems)
        {
            Data = data.Where(p => known.Contains(p.Key)).ToImmutableDictionary(StringComparer.Ordinal),
        };
        ApplyDefaults(fields, evaluator);
        ApplyComputed(fields, evaluator, problems);

        var visible = fields.Where(f => IsVisible(f, evaluator)).ToList();
        var check = new FieldCheck(schema, context, problems);
        var clean = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var requiredFields = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var field in visible)
        {
            var required = field.Required || (field.RequiredWhen is { } when && evaluator.Test(when, field.Key, "requiredWhen", fallback: false));
            if (required) requiredFields.Add(field.Key);
            var value = check.Check(field, evaluator.Data.GetValueOrDefault(field.Key), field.Key, required);
            if (value is not null) clean[field.Key] = value;
        }

        CheckCrossFieldRules(schema, visible.Select(f => f.Key).ToHashSet(StringComparer.Ordinal), evaluator, problems);
        return new FormValidationResult(problems, clean.ToImmutable())
        {
            VisibleFields = visible.Select(f => f.Key).ToImmutableHashSet(StringComparer.Ordinal),
            RequiredFields = requiredFields.ToImmutable(),
        };
    }

    /// <summary>Empty fields take their default; read-only fields always do (users cannot change them).</summary>
    private static void ApplyDefaults(List<FormField> fields, FormEvaluator evaluator)
    {
        foreach (var field in fields.Where(f => f.Computed is null))
        {
            var hasDefault = field.Default is not null || field.DefaultExpression is not null;
            if (!hasDefault || !(field.ReadOnly || FieldValues.IsEmpty(evaluator.Data.GetValueOrDefault(field.Key)))) continue;
            var value = field.Default;
            if (field.DefaultExpression is { } text
                && !evaluator.Evaluate(text, DataTypes.ClrType(field.Type.ToDataType()), field.Key, "defaultExpression", out value))
                continue;
            evaluator.Data = evaluator.Data.SetItem(field.Key, FieldValues.FromExpression(field, value));
        }
    }

    private static void ApplyComputed(List<FormField> fields, FormEvaluator evaluator, List<FormProblem> problems)
    {
        var (order, cyclic) = ComputedOrder.Sort(fields);
        foreach (var key in cyclic.Order(StringComparer.Ordinal))
            problems.Add(new FormProblem(key, FormProblemCodes.Expression, $"The computed value of {key} depends on itself."));
        foreach (var field in order)
        {
            var ok = evaluator.Evaluate(field.Computed!, DataTypes.ClrType(field.Type.ToDataType()), field.Key, "computed", out var value);
            evaluator.Data = ok ? evaluator.Data.SetItem(field.Key, FieldValues.FromExpression(field, value)) : evaluator.Data.Remove(field.Key);
        }
    }

    /// <summary>Shown unless marked hidden or its visibleWhen is false (an unevaluable visibleWhen shows the field).</summary>
    private static bool IsVisible(FormField field, FormEvaluator evaluator) =>
        !field.Hidden && (field.VisibleWhen is not { } when || evaluator.Test(when, field.Key, "visibleWhen", fallback: true));

    private static void CheckCrossFieldRules(FormSchema schema, HashSet<string> visible, FormEvaluator evaluator, List<FormProblem> problems)
    {
        evaluator.Data = evaluator.Data.Where(p => visible.Contains(p.Key)).ToImmutableDictionary(StringComparer.Ordinal);
        var rules = (schema.Rules ?? []).Where(r => r is not null).ToList();
        foreach (var rule in rules)
        {
            var keys = (rule.Fields ?? []).Where(k => k is not null).ToList();
            if (keys.Any(k => !visible.Contains(k))) continue;
            var path = keys.FirstOrDefault() ?? "";
            var countBefore = problems.Count;
            if (!evaluator.Test(rule.Expression ?? "", path, "cross-field", fallback: true) && problems.Count == countBefore)
                problems.Add(new FormProblem(path, FormProblemCodes.Rule, string.IsNullOrWhiteSpace(rule.Message) ? $"The rule {rule.Expression} is not met." : rule.Message));
        }
    }
}
