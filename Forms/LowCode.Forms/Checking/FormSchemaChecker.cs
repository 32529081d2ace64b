using LowCode.Forms.Schema;
using LowCode.Runtime.Expressions;

namespace LowCode.Forms.Checking;

/// <summary>
/// Design-time check of a whole form schema, reporting every problem at once with its path so the
/// designer can show each under its field: keys, layout, rules, and every expression compiled against
/// the form's own field types (bool for rules, the field's type for defaults and computed values).
/// Never throws, whatever JSON the schema was read from.
/// </summary>
public static class FormSchemaChecker
{
    public static IReadOnlyList<FormSchemaProblem> Check(FormSchema schema)
    {
        var problems = new List<FormSchemaProblem>();
        if (schema.SchemaVersion is < 1 or > FormSchema.CurrentSchemaVersion)
            problems.Add(new("schemaVersion", $"schemaVersion {schema.SchemaVersion} is not understood (this server reads 1 to {FormSchema.CurrentSchemaVersion})."));

        var compiler = ExpressionCompiler.For(schema.ToExpressionSchema());
        var expressions = new ExpressionCheck(compiler, problems);
        var rules = new FieldRuleCheck(schema, problems);
        var firstPathOfKey = new Dictionary<string, string>(StringComparer.Ordinal);
        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);

        var sections = schema.Sections ?? [];
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var sectionPath = $"sections[{s}]";
            if (section is null) { problems.Add(new(sectionPath, "The section is empty (null).")); continue; }
            if (!string.IsNullOrEmpty(section.Key) && !sectionKeys.Add(section.Key))
                problems.Add(new(sectionPath + ".key", $"The section key '{section.Key}' is used twice."));
            if (section.Columns is < 1 or > 4) problems.Add(new(sectionPath + ".columns", "A section has 1 to 4 columns."));

            var fields = section.Fields ?? [];
            for (var f = 0; f < fields.Count; f++)
            {
                var path = $"{sectionPath}.fields[{f}]";
                var field = fields[f];
                if (field is null) { problems.Add(new(path, "The field is empty (null).")); continue; }
                CheckKey(field.Key, path, firstPathOfKey, problems);
                if (field.ColumnSpan < 1 || field.ColumnSpan > Math.Clamp(section.Columns, 1, 4))
                    problems.Add(new(path + ".columnSpan", $"columnSpan must be between 1 and the section's {section.Columns} column(s)."));
                rules.Check(field, path);
                CheckFieldExpressions(field, path, expressions, problems);
                if (field.Type == FieldType.RepeatingGroup) CheckColumns(field, path, rules, problems);
            }
        }

        CheckCycles(schema, firstPathOfKey, problems);
        CheckCrossFieldRules(schema, firstPathOfKey, expressions, problems);
        return problems;
    }

    private static void CheckFieldExpressions(FormField field, string path, ExpressionCheck expressions, List<FormSchemaProblem> problems)
    {
        var valueType = DataTypes.ClrType(field.Type.ToDataType());
        expressions.Check(field.VisibleWhen, typeof(bool), path + ".visibleWhen");
        expressions.Check(field.RequiredWhen, typeof(bool), path + ".requiredWhen");
        expressions.Check(field.DefaultExpression, valueType, path + ".defaultExpression");
        expressions.Check(field.Computed, valueType, path + ".computed");
        if (field.Computed is not null && (field.Default is not null || field.DefaultExpression is not null))
            problems.Add(new(path + ".computed", "A computed field cannot also have a default."));
    }

    /// <summary>Columns are checked like fields, but expressions and nested groups cannot see a row, so they are refused.</summary>
    private static void CheckColumns(FormField group, string path, FieldRuleCheck rules, List<FormSchemaProblem> problems)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = group.Columns ?? [];
        for (var c = 0; c < columns.Count; c++)
        {
            var columnPath = $"{path}.columns[{c}]";
            var column = columns[c];
            if (column is null) { problems.Add(new(columnPath, "The column is empty (null).")); continue; }
            CheckKey(column.Key, columnPath, keys, problems);
            rules.Check(column, columnPath);
            if (column.Type == FieldType.RepeatingGroup)
                problems.Add(new(columnPath + ".type", "A repeating group cannot contain another repeating group."));
            if ((column.VisibleWhen ?? column.RequiredWhen ?? column.Computed ?? column.DefaultExpression) is not null)
                problems.Add(new(columnPath, "Columns of a repeating group cannot use expressions (visibleWhen, requiredWhen, computed, defaultExpression) yet."));
        }
    }

    private static void CheckKey(string? key, string path, Dictionary<string, string> firstPathOfKey, List<FormSchemaProblem> problems)
    {
        if (!FieldKey.IsValid(key))
            problems.Add(new(path + ".key", $"'{key}' is not a valid key: use up to 100 letters, digits and _, starting with a letter, so expressions can say form.{key}."));
        else if (firstPathOfKey.TryGetValue(key, out var first))
            problems.Add(new(path + ".key", $"The key '{key}' is already used by {first}."));
        else firstPathOfKey[key] = path;
    }

    private static void CheckCycles(FormSchema schema, Dictionary<string, string> pathOfKey, List<FormSchemaProblem> problems)
    {
        var (_, cyclic) = ComputedOrder.Sort(schema.AllFields());
        foreach (var key in cyclic.Order(StringComparer.Ordinal))
            problems.Add(new($"{pathOfKey.GetValueOrDefault(key, key)}.computed",
                $"The computed field '{key}' depends on itself (through {string.Join(" → ", cyclic.Order(StringComparer.Ordinal))})."));
    }

    private static void CheckCrossFieldRules(FormSchema schema, Dictionary<string, string> pathOfKey, ExpressionCheck expressions, List<FormSchemaProblem> problems)
    {
        var rules = schema.Rules ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var path = $"rules[{r}]";
            var rule = rules[r];
            if (rule is null) { problems.Add(new(path, "The rule is empty (null).")); continue; }
            expressions.Check(rule.Expression ?? "", typeof(bool), path + ".expression");
            if (string.IsNullOrWhiteSpace(rule.Message)) problems.Add(new(path + ".message", "A rule needs a message to show when it fails."));
            foreach (var key in (rule.Fields ?? []).Where(k => k is null || !pathOfKey.ContainsKey(k)))
                problems.Add(new(path + ".fields", $"'{key}' is not a field of this form."));
        }
    }
}
