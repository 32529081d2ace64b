using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Expressions;

/// <summary>A named, typed value expressions can read: a form field, a flow variable, or a table column.</summary>
public sealed record FieldSchema(string Key, DataType Type)
{
    /// <summary>Columns of a <see cref="DataType.Table"/> field (repeating group).</summary>
    public IReadOnlyList<FieldSchema> Columns { get; init; } = [];
}

/// <summary>
/// What <c>form.X</c> and <c>vars.X</c> mean for one ticket type version: the type of every form
/// field and flow variable. Expressions and scripts are type-checked against it.
/// </summary>
public sealed class ExpressionSchema
{
    public static readonly ExpressionSchema Empty = new([], []);

    public ExpressionSchema(IEnumerable<FieldSchema> formFields, IEnumerable<FieldSchema> variables)
    {
        Form = formFields.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Variables = variables.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Fingerprint = string.Join(";", Form.Values.Concat([new FieldSchema("|", DataType.Text)]).Concat(Variables.Values)
            .Select(f => $"{f.Key}:{f.Type}[{string.Join(",", f.Columns.Select(c => $"{c.Key}:{c.Type}"))}]"));
    }

    public IReadOnlyDictionary<string, FieldSchema> Form { get; }
    public IReadOnlyDictionary<string, FieldSchema> Variables { get; }

    /// <summary>Stable text identifying the schema, used in compiled-expression cache keys.</summary>
    public string Fingerprint { get; }

    /// <summary>The schema of a definition's variables combined with the given form fields.</summary>
    public static ExpressionSchema For(WorkflowDefinition definition, IEnumerable<FieldSchema> formFields) =>
        new(formFields, (definition.Variables ?? []).Where(v => v is not null && !string.IsNullOrWhiteSpace(v.Name)).Select(v => new FieldSchema(v.Name, v.Type)));
}
