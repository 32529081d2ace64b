using System.Collections.Immutable;
using System.Globalization;

namespace LowCode.Forms.Schema;

/// <summary>
/// The JSON-natural shape each field type stores (see <c>LowCode.Runtime.Json.DataValueConverter</c>):
/// text as string, numbers as decimal, checkbox as bool, dates as ISO strings, multi-select as a list of
/// strings, files as a list of attachment records, repeating groups as a list of row records.
/// </summary>
public static class FieldValues
{
    /// <summary>Nothing entered: null, empty text or an empty list.</summary>
    public static bool IsEmpty(object? value) =>
        value is null || value is string { Length: 0 } || value is ImmutableArray<object?> { IsDefaultOrEmpty: true };

    /// <summary>Why a non-empty value does not fit the field's type, or null when it does.</summary>
    public static string? TypeProblem(FormField field, object? value) => field.Type switch
    {
        FieldType.Text or FieldType.MultiLineText or FieldType.RichText or FieldType.SingleSelect or FieldType.Radio
            or FieldType.UserPicker or FieldType.TeamPicker or FieldType.AssetLookup
            => value is string ? null : "must be text",
        FieldType.Number or FieldType.Money => value is decimal ? null : "must be a number",
        FieldType.Checkbox => value is bool ? null : "must be true or false",
        FieldType.Date => value is string s && IsDate(s) ? null : "must be a date (yyyy-MM-dd)",
        FieldType.DateTime => value is string s && IsDateTime(s) ? null : "must be a date and time (e.g. 2026-03-02T09:00:00+08:00)",
        FieldType.MultiSelect => value is ImmutableArray<object?> items && items.All(i => i is string) ? null : "must be a list of text values",
        FieldType.FileUpload => value is ImmutableArray<object?> files && files.All(IsAttachment) ? null
            : "must be a list of attachments { id, name, size, contentType }",
        FieldType.RepeatingGroup => value is ImmutableArray<object?> rows && rows.All(r => r is ImmutableDictionary<string, object?>) ? null
            : "must be a list of rows (objects)",
        _ => "has an unsupported field type",
    };

    /// <summary>
    /// An expression result (already in stored form) shaped for the field: expressions compute instants,
    /// which a date field stores as its calendar day (yyyy-MM-dd) in the instant's own offset.
    /// </summary>
    public static object? FromExpression(FormField field, object? value) =>
        field.Type == FieldType.Date && value is string text && !IsDate(text) && IsDateTime(text)
            ? LowCode.Runtime.Expressions.DataTypes.ToInstant(text).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;

    public static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsDateTime(string text) =>
        text.Length >= 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>An attachment reference: <c>{ id, name, size, contentType }</c>.</summary>
    public static bool IsAttachment(object? value) =>
        value is ImmutableDictionary<string, object?> a
        && a.GetValueOrDefault("id") is string { Length: > 0 }
        && a.GetValueOrDefault("name") is string
        && a.GetValueOrDefault("size") is decimal size && size >= 0
        && a.GetValueOrDefault("contentType") is string;
}
