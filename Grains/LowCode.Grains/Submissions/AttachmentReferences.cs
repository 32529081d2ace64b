using System.Collections.Immutable;
using LowCode.Forms.Schema;

namespace LowCode.Grains.Submissions;

/// <summary>
/// The attachment references in form data — items <c>{ "id": … }</c> of file upload fields, also inside the
/// rows of repeating groups — with the path the validator uses for them (<c>Photos[0]</c>, <c>Lines[2].Receipt[0]</c>).
/// Values of the wrong shape are left alone: the validator reports those.
/// </summary>
internal static class AttachmentReferences
{
    public delegate ImmutableDictionary<string, object?> Rewrite(string path, string id, ImmutableDictionary<string, object?> reference);

    public static IReadOnlyList<(string Path, string Id)> Find(FormSchema schema, ImmutableDictionary<string, object?> data)
    {
        var found = new List<(string, string)>();
        Map(schema, data, (path, id, reference) =>
        {
            found.Add((path, id));
            return reference;
        });
        return found;
    }

    /// <summary>The data with every reference replaced by what <paramref name="rewrite"/> returns for it.</summary>
    public static ImmutableDictionary<string, object?> Map(FormSchema schema, ImmutableDictionary<string, object?> data, Rewrite rewrite)
    {
        var fields = schema.AllFields().Where(f => !string.IsNullOrEmpty(f.Key)).GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.First());
        foreach (var field in fields)
        {
            if (!data.TryGetValue(field.Key, out var value)) continue;
            if (field.Type == FieldType.FileUpload) data = data.SetItem(field.Key, Files(value, field.Key, rewrite));
            else if (field.Type == FieldType.RepeatingGroup && value is ImmutableArray<object?> rows) data = data.SetItem(field.Key, Rows(field, rows, rewrite));
        }
        return data;
    }

    private static object? Files(object? value, string path, Rewrite rewrite) =>
        value is ImmutableArray<object?> files
            ? files.Select((file, i) => file is ImmutableDictionary<string, object?> reference && reference.GetValueOrDefault("id") is string { Length: > 0 } id
                ? rewrite($"{path}[{i}]", id, reference)
                : file).ToImmutableArray()
            : value;

    private static ImmutableArray<object?> Rows(FormField group, ImmutableArray<object?> rows, Rewrite rewrite)
    {
        var fileColumns = (group.Columns ?? []).Where(c => c is { Type: FieldType.FileUpload } && !string.IsNullOrEmpty(c.Key)).Select(c => c.Key).Distinct().ToList();
        if (fileColumns.Count == 0) return rows;
        return rows.Select((row, r) =>
        {
            if (row is not ImmutableDictionary<string, object?> cells) return row;
            foreach (var column in fileColumns.Where(cells.ContainsKey))
                cells = cells.SetItem(column, Files(cells[column], $"{group.Key}[{r}].{column}", rewrite));
            return cells;
        }).ToImmutableArray();
    }
}
