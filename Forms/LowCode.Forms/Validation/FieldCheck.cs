using System.Collections.Immutable;
using System.Text.RegularExpressions;
using LowCode.Forms.Schema;
using LowCode.Runtime.Expressions;
using Codes = LowCode.Forms.Validation.FormProblemCodes;

namespace LowCode.Forms.Validation;

/// <summary>
/// Checks one value against its field: required, type, then every rule that applies to the type.
/// Returns the value to store (rows of a repeating group keep only their known columns).
/// </summary>
internal sealed class FieldCheck(FormSchema schema, FormValidationContext context, List<FormProblem> problems)
{
    public object? Check(FormField field, object? value, string path, bool required)
    {
        var name = field.DisplayName;
        if (FieldValues.IsEmpty(value) || (required && field.Type == FieldType.Checkbox && value is false))
        {
            if (required) Add(path, Codes.Required, $"{name} is required.");
            else if (field.Type == FieldType.RepeatingGroup && field.MinRows > 0) Add(path, Codes.MinRows, $"{name} needs at least {field.MinRows} row(s).");
            return value;
        }
        if (FieldValues.TypeProblem(field, value) is { } typeProblem)
        {
            Add(path, Codes.Type, $"{name} {typeProblem}.");
            return value;
        }
        switch (field.Type)
        {
            case FieldType.Number or FieldType.Money:
                var number = (decimal)value!;
                if (number < field.Min) Add(path, Codes.Min, $"{name} must be at least {field.Min}.");
                if (number > field.Max) Add(path, Codes.Max, $"{name} must be at most {field.Max}.");
                break;
            case FieldType.Date or FieldType.DateTime:
                var instant = DataTypes.ToInstant(value);
                if (field.MinDate is { } from && FieldValues.IsDateTime(from) && instant < DataTypes.ToInstant(from))
                    Add(path, Codes.Min, $"{name} must be on or after {from}.");
                if (field.MaxDate is { } to && FieldValues.IsDateTime(to) && instant > DataTypes.ToInstant(to))
                    Add(path, Codes.Max, $"{name} must be on or before {to}.");
                break;
            case FieldType.MultiSelect:
                foreach (var item in (ImmutableArray<object?>)value!) CheckOption(field, (string)item!, path);
                break;
            case FieldType.FileUpload:
                CheckFiles(field, (ImmutableArray<object?>)value!, path);
                break;
            case FieldType.RepeatingGroup:
                return CheckRows(field, (ImmutableArray<object?>)value!, path);
            case FieldType.RichText:
                // Stored as allow-listed HTML only; length rules count the text people read.
                var html = RichTextSanitizer.Clean((string)value!);
                if (html.Length == 0 && required) Add(path, Codes.Required, $"{name} is required.");
                else CheckText(field, RichTextSanitizer.PlainText(html), path);
                return html.Length == 0 ? null : html;
        }
        if (value is string text) CheckText(field, text, path);
        if (field.Type is FieldType.SingleSelect or FieldType.Radio or FieldType.AssetLookup) CheckOption(field, (string)value!, path);
        return value;
    }

    private void CheckText(FormField field, string text, string path)
    {
        if (text.Length < field.MinLength) Add(path, Codes.MinLength, $"{field.DisplayName} must be at least {field.MinLength} characters.");
        if (text.Length > field.MaxLength) Add(path, Codes.MaxLength, $"{field.DisplayName} must be at most {field.MaxLength} characters.");
        if (string.IsNullOrEmpty(field.Pattern)) return;
        try
        {
            // Like the HTML pattern attribute, the whole text must match.
            if (!Regex.IsMatch(text, $@"\A(?:{field.Pattern})\z", RegexOptions.CultureInvariant, ExpressionFunctions.RegexTimeout))
                Add(path, Codes.Pattern, field.PatternMessage ?? $"{field.DisplayName} is not in the expected format.");
        }
        catch (RegexMatchTimeoutException)
        {
            Add(path, Codes.Pattern, $"{field.DisplayName} could not be checked against its pattern in time.");
        }
        catch (ArgumentException)
        {
            Add(path, Codes.Expression, $"The pattern of {field.DisplayName} is not a valid regular expression.");
        }
    }

    private void CheckOption(FormField field, string value, string path)
    {
        var allowed = AllowedValues(field.Options);
        if (allowed is not null && !allowed.Contains(value))
            Add(path, Codes.Option, $"'{value}' is not an option of {field.DisplayName}.");
    }

    /// <summary>The values a field accepts, or null when they cannot be known here (an http source not supplied).</summary>
    private IReadOnlyCollection<string>? AllowedValues(OptionSource? source)
    {
        if (source?.Items is { } items) return items.Where(i => i?.Value is not null).Select(i => i.Value).ToHashSet(StringComparer.Ordinal);
        if (source?.Set is { } set && (schema.OptionSets ?? []).TryGetValue(set, out var options) && options is not null)
            return options.Where(i => i?.Value is not null).Select(i => i.Value).ToHashSet(StringComparer.Ordinal);
        if (source?.Url is { } url && context.RemoteOptions is { } fetched && fetched.TryGetValue(url, out var remote)) return remote;
        return null;
    }

    private void CheckFiles(FormField field, ImmutableArray<object?> files, string path)
    {
        var limits = field.Files ?? new FileConstraints();
        if (files.Length > limits.MaxFiles) Add(path, Codes.FileCount, $"{field.DisplayName} accepts at most {limits.MaxFiles} file(s).");
        for (var i = 0; i < files.Length; i++)
        {
            var file = (ImmutableDictionary<string, object?>)files[i]!;
            var (fileName, size, type) = ((string)file["name"]!, (decimal)file["size"]!, (string)file["contentType"]!);
            if (size > limits.MaxSizeBytes) Add($"{path}[{i}]", Codes.FileSize, $"'{fileName}' is larger than {limits.MaxSizeBytes} bytes.");
            if (!limits.AllowsContentType(type))
                Add($"{path}[{i}]", Codes.FileType, $"'{fileName}' ({type}) is not an allowed type: {string.Join(", ", limits.AllowedContentTypes!)}.");
        }
    }

    private ImmutableArray<object?> CheckRows(FormField group, ImmutableArray<object?> rows, string path)
    {
        if (rows.Length < group.MinRows) Add(path, Codes.MinRows, $"{group.DisplayName} needs at least {group.MinRows} row(s).");
        if (rows.Length > group.MaxRows) Add(path, Codes.MaxRows, $"{group.DisplayName} allows at most {group.MaxRows} row(s).");
        var columns = (group.Columns ?? []).Where(c => c is not null)
            .GroupBy(c => c.Key ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var cleaned = ImmutableArray.CreateBuilder<object?>(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = (ImmutableDictionary<string, object?>)rows[i]!;
            var rowPath = $"{path}[{i}]";
            foreach (var key in row.Keys.Where(k => !columns.ContainsKey(k)).Order(StringComparer.Ordinal))
                Add($"{rowPath}.{key}", Codes.UnknownField, $"'{key}' is not a column of {group.DisplayName}.");
            var clean = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            foreach (var column in columns.Values)
            {
                var value = row.TryGetValue(column.Key, out var given) && given is not null ? given : column.Default;
                value = Check(column, value, $"{rowPath}.{column.Key}", column.Required);
                if (value is not null) clean[column.Key] = value;
            }
            cleaned.Add(clean.ToImmutable());
        }
        return cleaned.MoveToImmutable();
    }

    private void Add(string path, string code, string message) => problems.Add(new FormProblem(path, code, message));
}
