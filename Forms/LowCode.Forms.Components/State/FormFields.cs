using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.State;

/// <summary>
/// Reading a schema the way the validator does, tolerating hand-written JSON: null lists and entries are
/// skipped, a field without a key is not an input, and of fields sharing a key only the first counts.
/// </summary>
public static class FormFields
{
    public static IReadOnlyList<FormField> Of(FormSchema schema) =>
        schema.AllFields().Where(f => !string.IsNullOrEmpty(f.Key)).DistinctBy(f => f.Key, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<FormSection> SectionsOf(FormSchema schema) => (schema.Sections ?? []).Where(s => s is not null).ToList();

    public static IEnumerable<FormField> FieldsOf(FormSection section) => (section.Fields ?? []).Where(f => f is not null);

    /// <summary>The columns a repeating group shows: keyed, not hidden, each key once.</summary>
    public static IReadOnlyList<FormField> ColumnsOf(FormField group) =>
        (group.Columns ?? []).Where(c => c is not null && !string.IsNullOrEmpty(c.Key) && !c.Hidden)
            .DistinctBy(c => c.Key, StringComparer.Ordinal).ToList();

    /// <summary>The choices of a field from its own list or the form's option set; none when neither is there.</summary>
    public static IReadOnlyList<FieldOption> OptionsOf(FormSchema schema, FormField field)
    {
        var items = field.Options?.Items
            ?? (field.Options?.Set is { } set && (schema.OptionSets ?? []).TryGetValue(set, out var shared) ? shared : null);
        return (items ?? []).Where(o => o is not null && !string.IsNullOrEmpty(o.Value)).DistinctBy(o => o.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when the options are known here (a list or an option set) rather than fetched from a URL.</summary>
    public static bool HasLocalOptions(FormField field) => field.Options is { } o && (o.Items is not null || o.Set is not null);

    public static bool HasDefault(FormField field) => field.Default is not null || field.DefaultExpression is not null;

    public static string LabelOf(FieldOption option) => string.IsNullOrWhiteSpace(option.Label) ? option.Value : option.Label;

    public static int ColumnCount(FormSection section) => Math.Clamp(section.Columns, 1, 4);

    public static int SpanOf(FormField field, int columns) => Math.Clamp(field.ColumnSpan, 1, columns);
}
