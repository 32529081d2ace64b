using System.Collections.Immutable;

namespace LowCode.Runtime.Expressions.Context;

/// <summary>The rows of a repeating group (e.g. expense lines) as expressions see them.</summary>
public sealed class TableRows(ImmutableArray<TableRow> rows)
{
    public static readonly TableRows Empty = new([]);

    internal ImmutableArray<TableRow> Items { get; } = rows;

    public int Count => Items.Length;
    public TableRow Row(int index) => index >= 0 && index < Items.Length ? Items[index] : TableRow.Blank;
    public decimal Sum(string column) => Items.Sum(r => r.Number(column));
    public decimal Max(string column) => Items.IsEmpty ? 0 : Items.Max(r => r.Number(column));
    public decimal Min(string column) => Items.IsEmpty ? 0 : Items.Min(r => r.Number(column));
    public bool Any(string column, string value) => Items.Any(r => string.Equals(r.Text(column), value, StringComparison.OrdinalIgnoreCase));
    public int CountWhere(string column, string value) => Items.Count(r => string.Equals(r.Text(column), value, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One row of a repeating group; columns are read by key with the type you expect.</summary>
public sealed class TableRow(ImmutableDictionary<string, object?> values, IReadOnlyList<FieldSchema> columns)
{
    internal static readonly TableRow Blank = new(ImmutableDictionary<string, object?>.Empty, []);

    internal ImmutableDictionary<string, object?> Values { get; } = values;
    internal IReadOnlyList<FieldSchema> Columns { get; } = columns;

    public string Text(string column) => DataTypes.ToText(Values.GetValueOrDefault(column));
    public decimal Number(string column) => DataTypes.ToNumber(Values.GetValueOrDefault(column));
    public bool Flag(string column) => DataTypes.ToBoolean(Values.GetValueOrDefault(column));
    public DateTimeOffset Date(string column) => DataTypes.ToInstant(Values.GetValueOrDefault(column));
}
