using System.Text.Json.Serialization;
using LowCode.Runtime.Json;

namespace LowCode.Forms.Schema;

/// <summary>
/// One input of a form: what it is (key, type, label), how it shows (help, placeholder, column span,
/// read-only, hidden), where its value starts (default value or expression, or a computed expression),
/// and the rules its value must meet. Rules that do not fit the type are reported by the schema checker.
/// </summary>
public sealed record FormField
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public FieldType Type { get; init; }
    public string? Help { get; init; }
    public string? Placeholder { get; init; }
    public int ColumnSpan { get; init; } = 1;
    public bool ReadOnly { get; init; }
    public bool Hidden { get; init; }

    /// <summary>A JSON-natural starting value (string, number, bool, list, record).</summary>
    [JsonConverter(typeof(DataValueConverter))]
    public object? Default { get; init; }
    public string? DefaultExpression { get; init; }
    /// <summary>An expression of the field's type; makes the field read-only and always recomputed.</summary>
    public string? Computed { get; init; }

    public bool Required { get; init; }
    public string? RequiredWhen { get; init; }
    public string? VisibleWhen { get; init; }

    /// <summary>Bounds of number and money fields.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>Bounds of date and date-time fields (ISO 8601).</summary>
    public string? MinDate { get; init; }
    public string? MaxDate { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    /// <summary>A regular expression the whole text must match (run with a timeout).</summary>
    public string? Pattern { get; init; }
    public string? PatternMessage { get; init; }

    public OptionSource? Options { get; init; }
    /// <summary>ISO 4217 code of a money field (CNY, USD).</summary>
    public string? Currency { get; init; }
    public FileConstraints? Files { get; init; }

    /// <summary>Columns of a repeating group; each row is a record of them.</summary>
    public List<FormField>? Columns { get; init; }
    public int? MinRows { get; init; }
    public int? MaxRows { get; init; }

    public string DisplayName => string.IsNullOrWhiteSpace(Label) ? Key : Label;
}
