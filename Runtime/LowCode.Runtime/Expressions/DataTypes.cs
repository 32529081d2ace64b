using System.Collections.Immutable;
using System.Globalization;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// Maps stored JSON-natural values to the CLR type expressions see for a <see cref="DataType"/>, and back.
/// Missing values read as the type's empty value (0, "", false, an empty list) so that
/// <c>form.Amount &gt; 5000</c> is simply false when no amount was entered.
/// </summary>
public static class DataTypes
{
    public static Type ClrType(DataType type) => type switch
    {
        DataType.Number or DataType.Money => typeof(decimal),
        DataType.Boolean => typeof(bool),
        DataType.Date or DataType.DateTime => typeof(DateTimeOffset),
        DataType.MultiChoice or DataType.File => typeof(TagSet),
        DataType.Table => typeof(TableRows),
        _ => typeof(string),
    };

    public static string TypeName(DataType type) => type switch
    {
        DataType.Number or DataType.Money => "decimal",
        DataType.Boolean => "bool",
        DataType.Date or DataType.DateTime => "DateTimeOffset",
        DataType.MultiChoice or DataType.File => "TagSet",
        DataType.Table => "TableRows",
        _ => "string",
    };

    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static decimal ToNumber(object? value) => value switch
    {
        null => 0m,
        decimal d => d,
        int i => i,
        long l => l,
        double f => (decimal)f,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        bool b => b ? 1 : 0,
        _ => 0m,
    };

    public static bool ToBoolean(object? value) => value switch
    {
        bool b => b,
        string s => bool.TryParse(s, out var b) && b,
        decimal d => d != 0,
        _ => false,
    };

    public static DateTimeOffset ToInstant(object? value) => value switch
    {
        DateTimeOffset t => t,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => DateTimeOffset.MinValue,
    };

    public static TagSet ToTags(object? value) => value switch
    {
        TagSet t => t,
        ImmutableArray<object?> items => new TagSet(items.Select(ToText)),
        IEnumerable<string> items => new TagSet(items),
        string s when s.Length > 0 => new TagSet([s]),
        _ => TagSet.Empty,
    };

    public static TableRows ToRows(object? value, IReadOnlyList<FieldSchema> columns) => value switch
    {
        TableRows r => r,
        ImmutableArray<object?> items => new TableRows(items.Select(i => new TableRow(
            i as ImmutableDictionary<string, object?> ?? ImmutableDictionary<string, object?>.Empty, columns)).ToImmutableArray()),
        _ => TableRows.Empty,
    };

    /// <summary>The typed view of a stored value.</summary>
    public static object? View(FieldSchema field, object? stored) => field.Type switch
    {
        DataType.Number or DataType.Money => ToNumber(stored),
        DataType.Boolean => ToBoolean(stored),
        DataType.Date or DataType.DateTime => ToInstant(stored),
        DataType.MultiChoice or DataType.File => ToTags(stored),
        DataType.Table => ToRows(stored, field.Columns),
        _ => ToText(stored),
    };

    /// <summary>A computed CLR value turned back into its stored, JSON-natural form.</summary>
    public static object? Store(object? value) => value switch
    {
        null or string or bool or decimal => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => (decimal)d,
        float f => (decimal)f,
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture),
        TagSet tags => tags.Items.Select(s => (object?)s).ToImmutableArray(),
        TableRows rows => rows.Items.Select(r => (object?)r.Values).ToImmutableArray(),
        _ => value.ToString(),
    };
}
