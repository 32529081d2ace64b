using System.Text.RegularExpressions;
using LowCode.Forms.Schema;
using LowCode.Runtime.Expressions;

namespace LowCode.Forms.Checking;

/// <summary>
/// Checks the rules of one field for sense: bounds in order, a regex that compiles, options that
/// exist, file limits that are positive, a repeating group with columns, a default of the right type.
/// </summary>
internal sealed partial class FieldRuleCheck(FormSchema schema, List<FormSchemaProblem> problems)
{
    public void Check(FormField field, string path)
    {
        if (field.Min is { } min && field.Max is { } max && min > max)
            Add(path + ".min", $"min ({min}) is greater than max ({max}).");
        if ((field.Min ?? field.Max) is not null && field.Type is not (FieldType.Number or FieldType.Money))
            Add(path + ".min", "min/max apply to number and money fields; use minDate/maxDate for dates.");
        CheckDates(field, path);
        if (field.MinLength < 0 || field.MaxLength < 0) Add(path + ".minLength", "Lengths cannot be negative.");
        if (field.MinLength is { } minLength && field.MaxLength is { } maxLength && minLength > maxLength)
            Add(path + ".minLength", $"minLength ({minLength}) is greater than maxLength ({maxLength}).");
        if (field.Pattern is not null) CheckPattern(field.Pattern, path + ".pattern");
        if (field.Currency is not null && !CurrencyCode().IsMatch(field.Currency))
            Add(path + ".currency", $"'{field.Currency}' is not an ISO 4217 currency code (three capital letters, e.g. CNY).");
        CheckOptions(field, path);
        CheckFiles(field, path);
        if (field.Type == FieldType.RepeatingGroup)
        {
            if ((field.Columns ?? []).Count(c => c is not null) == 0) Add(path + ".columns", "A repeating group needs at least one column.");
            if (field.MinRows < 0 || field.MaxRows < 0) Add(path + ".minRows", "Row counts cannot be negative.");
            if (field.MinRows is { } minRows && field.MaxRows is { } maxRows && minRows > maxRows)
                Add(path + ".minRows", $"minRows ({minRows}) is greater than maxRows ({maxRows}).");
        }
        if (field.Default is not null && FieldValues.TypeProblem(field, field.Default) is { } typeProblem)
            Add(path + ".default", $"The default value {typeProblem}.");
        if (field.Default is not null && field.DefaultExpression is not null)
            Add(path + ".defaultExpression", "Give either a default value or a default expression, not both.");
    }

    private void CheckDates(FormField field, string path)
    {
        if ((field.MinDate ?? field.MaxDate) is not null && field.Type is not (FieldType.Date or FieldType.DateTime))
            Add(path + ".minDate", "minDate/maxDate apply to date and date-time fields.");
        foreach (var (name, text) in new[] { ("minDate", field.MinDate), ("maxDate", field.MaxDate) })
            if (text is not null && !FieldValues.IsDateTime(text)) Add($"{path}.{name}", $"'{text}' is not a date (yyyy-MM-dd).");
        if (field.MinDate is { } from && field.MaxDate is { } to && FieldValues.IsDateTime(from) && FieldValues.IsDateTime(to)
            && DataTypes.ToInstant(from) > DataTypes.ToInstant(to))
            Add(path + ".minDate", $"minDate ({from}) is after maxDate ({to}).");
    }

    private void CheckPattern(string pattern, string path)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, ExpressionFunctions.RegexTimeout);
        }
        catch (ArgumentException e)
        {
            Add(path, $"The pattern is not a valid regular expression: {e.Message}");
        }
    }

    private void CheckOptions(FormField field, string path)
    {
        var options = field.Options;
        if (!field.Type.HasOptions())
        {
            if (options is not null) Add(path + ".options", "Options apply to select, radio and asset lookup fields.");
            return;
        }
        var sources = new object?[] { options?.Items, options?.Set, options?.Url }.Count(s => s is not null);
        if (sources != 1) Add(path + ".options", "Give exactly one option source: items, set or url.");
        if (options?.Set is { } set && !(schema.OptionSets ?? []).ContainsKey(set))
            Add(path + ".options.set", $"Unknown option set '{set}'. Known: {string.Join(", ", (schema.OptionSets ?? []).Keys.Order(StringComparer.Ordinal))}.");
        if (options?.Url is { } url && !OptionSource.IsSitePath(url) && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Add(path + ".options.url", $"'{url}' is neither an absolute http(s) address nor a path on this site (/api/assets).");
        if (options is { Url: null } && (options.ItemsPath ?? options.ValueField ?? options.LabelField) is not null)
            Add(path + ".options", "itemsPath, valueField and labelField apply to an http source (url).");
        if (options?.Items is { } items && items.Any(i => i is null || string.IsNullOrEmpty(i.Value)))
            Add(path + ".options.items", "Every option needs a value.");
    }

    private void CheckFiles(FormField field, string path)
    {
        if (field.Files is null) return;
        if (field.Type != FieldType.FileUpload) Add(path + ".files", "File limits apply to file upload fields.");
        if (field.Files.MaxSizeBytes <= 0) Add(path + ".files.maxSizeBytes", "The maximum size must be positive.");
        if (field.Files.MaxFiles <= 0) Add(path + ".files.maxFiles", "The maximum number of files must be positive.");
    }

    private void Add(string path, string message) => problems.Add(new FormSchemaProblem(path, message));

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
