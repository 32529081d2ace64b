using LowCode.Runtime.Expressions;

namespace LowCode.Forms.Schema;

/// <summary>
/// A form as an analyst designs it and a ticket type version freezes it: sections of fields,
/// shared option sets, and form-level rules across fields. Plain JSON (see <see cref="FormSchemaJson"/>).
/// </summary>
public sealed record FormSchema
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public List<FormSection> Sections { get; init; } = [];
    public Dictionary<string, List<FieldOption>> OptionSets { get; init; } = [];
    public List<CrossFieldRule> Rules { get; init; } = [];

    /// <summary>Every field of every section in order (tolerating nulls from hand-written JSON).</summary>
    public IEnumerable<FormField> AllFields() =>
        (Sections ?? []).Where(s => s is not null).SelectMany(s => s.Fields ?? []).Where(f => f is not null);

    /// <summary>What <c>form.X</c> means in expressions: each validly keyed field and its engine data type.</summary>
    public ExpressionSchema ToExpressionSchema() => new(AllFields().Where(f => FieldKey.IsValid(f.Key)).Select(ToFieldSchema), []);

    private static FieldSchema ToFieldSchema(FormField field) => new(field.Key, field.Type.ToDataType())
    {
        Columns = (field.Columns ?? []).Where(c => c is not null && FieldKey.IsValid(c.Key)).Select(ToFieldSchema).ToList(),
    };
}
