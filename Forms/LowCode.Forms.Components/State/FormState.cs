using System.Collections.Immutable;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;

namespace LowCode.Forms.Components.State;

/// <summary>
/// The values being edited and what the validator says about them. After every change the whole form goes
/// through <see cref="FormValidator.Validate"/>, the server's own check, and its result decides which fields
/// show, the computed values, the defaults and the problems. A default stays live (recomputed from other
/// fields) until the user edits that field. Problems show for a path once it was touched, and everywhere
/// after a submit attempt.
/// </summary>
public sealed class FormState
{
    private readonly HashSet<string> _edited = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly HashSet<FormField> _inputs = new(ReferenceEqualityComparer.Instance);
    private List<FormProblem> _external = [];

    public FormState(FormSchema schema, FormValidationContext context, ImmutableDictionary<string, object?>? values, bool startRows = true)
    {
        Schema = schema;
        Context = context;
        Fields = FormFields.Of(schema);
        _inputs.UnionWith(Fields);
        Load(values, startRows);
    }

    public FormSchema Schema { get; }
    public FormValidationContext Context { get; private set; }
    /// <summary>Every input of the form, in order (keyed, each key once).</summary>
    public IReadOnlyList<FormField> Fields { get; }
    /// <summary>The data as it stands, in the shape <see cref="FormValidator.Validate"/> takes.</summary>
    public ImmutableDictionary<string, object?> Values { get; private set; } = ImmutableDictionary<string, object?>.Empty;
    public FormValidationResult Result { get; private set; } = new([], ImmutableDictionary<string, object?>.Empty);
    public bool SubmitAttempted { get; private set; }
    /// <summary>Problems found outside the form (the server's refusal), shown at their fields until those are edited.</summary>
    public IReadOnlyList<FormProblem> ExternalProblems => _external;

    /// <summary>Starts over from the given data; its filled-in fields count as edited (a saved draft keeps its values).</summary>
    public void Load(ImmutableDictionary<string, object?>? values, bool startRows = true)
    {
        Values = (values ?? ImmutableDictionary<string, object?>.Empty).WithComparers(StringComparer.Ordinal);
        _edited.Clear();
        _edited.UnionWith(Values.Where(p => !FieldValues.IsEmpty(p.Value)).Select(p => p.Key));
        if (startRows) StartMinimumRows();
        Refresh();
    }

    public void UseContext(FormValidationContext context)
    {
        Context = context;
        Refresh();
    }

    /// <summary>Shown now: an input of the form (not a second field with the same key) that the validator found visible.</summary>
    public bool IsVisible(FormField field) => _inputs.Contains(field) && Result.VisibleFields.Contains(field.Key);

    public bool IsRequired(FormField field) => Result.RequiredFields.Contains(field.Key);

    public object? ValueAt(FieldPath path) =>
        path.IsCell ? Rows(path.Key).ElementAtOrDefault(path.Row!.Value)?.GetValueOrDefault(path.Column!) : Values.GetValueOrDefault(path.Key);

    /// <summary>Sets a field or a cell; an empty value is removed rather than stored.</summary>
    public void Set(FieldPath path, object? value)
    {
        if (path.IsCell)
        {
            var rows = Rows(path.Key);
            var row = path.Row!.Value;
            if (row >= rows.Count) return;
            rows[row] = value is null ? rows[row].Remove(path.Column!) : rows[row].SetItem(path.Column!, value);
            Values = Values.SetItem(path.Key, ToValue(rows));
        }
        else
        {
            Values = value is null ? Values.Remove(path.Key) : Values.SetItem(path.Key, value);
        }
        _edited.Add(path.Key);
        ForgetExternal(p => p.Path == path.ToString() || (!path.IsCell && p.Path.StartsWith(path.Key + "[", StringComparison.Ordinal)));
        Refresh();
    }

    /// <summary>Shows problems found elsewhere (by field path, <c>Lines[1].Amount</c>) next to their fields, replacing earlier ones.</summary>
    public void ShowExternal(IEnumerable<FormProblem>? problems) =>
        _external = problems?.Where(p => p is not null).Select(p => p with { Path = p.Path ?? "" }).ToList() ?? [];

    /// <summary>Marks a path as visited, so its problems show; false when it already was.</summary>
    public bool Touch(FieldPath path) => _touched.Add(path.ToString());

    /// <summary>Marks the attempt: from now on every problem shows. Returns the verdict on the data as it stands.</summary>
    public FormValidationResult AttemptSubmit()
    {
        SubmitAttempted = true;
        return Result;
    }

    /// <summary>The problems to show next to a field or a cell now.</summary>
    public IReadOnlyList<FormProblem> ShownProblems(FormField field, FieldPath path)
    {
        var at = path.ToString();
        bool Here(FormProblem p) => p.Path == at || (!path.IsCell && BelongsUnder(p.Path, at, field));
        var own = SubmitAttempted || _touched.Contains(at) ? Result.Problems.Where(Here).ToList() : [];
        foreach (var problem in _external.Where(Here))
            if (!own.Any(p => p.Path == problem.Path && p.Message == problem.Message)) own.Add(problem);
        return own;
    }

    /// <summary>The rows of a repeating group, each as a record (anything else in the list reads as an empty row).</summary>
    public List<ImmutableDictionary<string, object?>> Rows(string key) =>
        Values.GetValueOrDefault(key) is ImmutableArray<object?> { IsDefault: false } items
            ? items.Select(i => i as ImmutableDictionary<string, object?> ?? ImmutableDictionary<string, object?>.Empty).ToList()
            : [];

    public bool CanAddRow(FormField group) => Rows(group.Key).Count < (group.MaxRows ?? int.MaxValue);

    public bool CanRemoveRow(FormField group) => Rows(group.Key).Count > Math.Max(group.MinRows ?? 0, 0);

    public void AddRow(FormField group)
    {
        if (!CanAddRow(group)) return;
        Values = Values.SetItem(group.Key, ToValue([.. Rows(group.Key), NewRow(group)]));
        _edited.Add(group.Key);
        _touched.Add(group.Key);
        ForgetExternalUnder(group.Key);
        Refresh();
    }

    public void RemoveRow(FormField group, int index)
    {
        var rows = Rows(group.Key);
        if (!CanRemoveRow(group) || index < 0 || index >= rows.Count) return;
        rows.RemoveAt(index);
        Values = Values.SetItem(group.Key, ToValue(rows));
        _edited.Add(group.Key);
        ForgetRow(group.Key, index);
        _touched.Add(group.Key);
        ForgetExternalUnder(group.Key);
        Refresh();
    }

    /// <summary>
    /// Runs the validator. Computed fields, and defaulted fields the user has not edited, are left out so
    /// the validator works them out afresh; its clean data then gives them back their values.
    /// </summary>
    private void Refresh()
    {
        var input = Values;
        foreach (var field in Fields)
            if (field.Computed is not null || (FormFields.HasDefault(field) && (field.ReadOnly || !_edited.Contains(field.Key))))
                input = input.Remove(field.Key);
        Result = FormValidator.Validate(Schema, input, Context);
        foreach (var field in Fields)
            if (!input.ContainsKey(field.Key) && Result.CleanData.TryGetValue(field.Key, out var value))
                input = input.SetItem(field.Key, value);
        Values = input;
    }

    /// <summary>A group that needs rows starts with that many empty ones, so there is something to fill in.</summary>
    private void StartMinimumRows()
    {
        foreach (var group in Fields.Where(f => f.Type == FieldType.RepeatingGroup && f.MinRows > 0 && !f.ReadOnly && !FormFields.HasDefault(f)))
            if (FieldValues.IsEmpty(Values.GetValueOrDefault(group.Key)))
                Values = Values.SetItem(group.Key, ToValue(Enumerable.Range(0, Math.Min(group.MinRows!.Value, 50)).Select(_ => NewRow(group)).ToList()));
    }

    private static ImmutableDictionary<string, object?> NewRow(FormField group) =>
        FormFields.ColumnsOf(group).Where(c => c.Default is not null)
            .ToImmutableDictionary(c => c.Key, c => c.Default, StringComparer.Ordinal);

    private static ImmutableArray<object?> ToValue(List<ImmutableDictionary<string, object?>> rows) => [.. rows.Cast<object?>()];

    /// <summary>
    /// Problems under a field's path: one file of a file field (<c>Receipts[0]</c>); for a repeating group,
    /// a cell problem that has no cell on screen (an unknown column, a row that is gone).
    /// </summary>
    private bool BelongsUnder(string problemPath, string at, FormField field)
    {
        if (!problemPath.StartsWith(at + "[", StringComparison.Ordinal)) return false;
        if (field.Type != FieldType.RepeatingGroup) return true;
        var cell = FieldPath.Parse(problemPath);
        return !(cell.IsCell && cell.Row < Rows(field.Key).Count && FormFields.ColumnsOf(field).Any(c => c.Key == cell.Column));
    }

    private void ForgetExternal(Predicate<FormProblem> edited)
    {
        if (_external.Count > 0) _external = _external.Where(p => !edited(p)).ToList();
    }

    /// <summary>The rows of a group changed: what was said about the group and its cells no longer points at the right rows.</summary>
    private void ForgetExternalUnder(string key) =>
        ForgetExternal(p => p.Path == key || p.Path.StartsWith(key + "[", StringComparison.Ordinal));

    /// <summary>Touched cells of later rows move up with their rows; those of the removed row are forgotten.</summary>
    private void ForgetRow(string key, int removed)
    {
        var cells = _touched.Select(FieldPath.Parse).Where(p => p.Key == key && p.Row is not null).ToList();
        foreach (var cell in cells) _touched.Remove(cell.ToString());
        foreach (var cell in cells.Where(c => c.Row != removed))
            _touched.Add((cell.Row > removed ? cell with { Row = cell.Row - 1 } : cell).ToString());
    }
}
