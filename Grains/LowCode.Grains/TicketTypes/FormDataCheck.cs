using System.Collections.Immutable;
using System.Globalization;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Validation;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// Server-side check of submitted form data against a form's fields: unknown fields, required
/// fields, value types, allowed options, and table rows (with the row index in the path).
/// (The Forms project's full validator — rules, visibility, expressions — will take this place.)
/// </summary>
public static class FormDataCheck
{
    public static IReadOnlyList<ValidationProblem> Check(FormDefinition form, ImmutableDictionary<string, object?> data, string root = "form", bool partial = false)
    {
        var problems = new List<ValidationProblem>();
        var fields = (form.Fields ?? []).Where(f => f is not null).ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var key in data.Keys.Where(k => !fields.ContainsKey(k)).Order(StringComparer.Ordinal))
            problems.Add(Problem($"{root}.{key}", $"'{key}' is not a field of this form."));
        foreach (var field in fields.Values)
        {
            var path = $"{root}.{field.Key}";
            var present = data.TryGetValue(field.Key, out var value) && !IsEmpty(value);
            if (!present)
            {
                if (field.Required && !partial) problems.Add(Problem(path, $"{Label(field)} is required."));
                continue;
            }
            CheckValue(field, value, path, problems);
        }
        return problems;
    }

    private static void CheckValue(FormField field, object? value, string path, List<ValidationProblem> problems)
    {
        switch (field.Type)
        {
            case DataType.Number or DataType.Money when value is not decimal:
                problems.Add(Problem(path, $"{Label(field)} must be a number."));
                break;
            case DataType.Boolean when value is not bool:
                problems.Add(Problem(path, $"{Label(field)} must be true or false."));
                break;
            case DataType.Date or DataType.DateTime when value is not string s || !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _):
                problems.Add(Problem(path, $"{Label(field)} must be a date (e.g. 2026-03-02 or 2026-03-02T09:00:00+08:00)."));
                break;
            case DataType.Text or DataType.Choice or DataType.User or DataType.Team when value is not string:
                problems.Add(Problem(path, $"{Label(field)} must be text."));
                break;
            case DataType.Choice when field.Options.Count > 0 && !field.Options.Contains((string)value!):
                problems.Add(Problem(path, $"{Label(field)} must be one of: {string.Join(", ", field.Options)}."));
                break;
            case DataType.MultiChoice or DataType.File when value is not ImmutableArray<object?> items || items.Any(i => i is not string):
                problems.Add(Problem(path, $"{Label(field)} must be a list of text values."));
                break;
            case DataType.MultiChoice when field.Options.Count > 0 && ((ImmutableArray<object?>)value!).FirstOrDefault(i => !field.Options.Contains((string)i!)) is string bad:
                problems.Add(Problem(path, $"'{bad}' is not an option of {Label(field)}."));
                break;
            case DataType.Table when value is not ImmutableArray<object?> rows || rows.Any(r => r is not ImmutableDictionary<string, object?>):
                problems.Add(Problem(path, $"{Label(field)} must be a list of rows (objects)."));
                break;
            case DataType.Table:
                var table = new FormDefinition { Fields = field.Columns };
                var index = 0;
                foreach (var row in (ImmutableArray<object?>)value!)
                    problems.AddRange(Check(table, (ImmutableDictionary<string, object?>)row!, $"{path}[{index++}]"));
                break;
        }
    }

    private static bool IsEmpty(object? value) => value is null || value is string { Length: 0 };
    private static string Label(FormField field) => string.IsNullOrWhiteSpace(field.Label) ? field.Key : field.Label;
    private static ValidationProblem Problem(string path, string message) => new("form-data", message) { Path = path };
}
