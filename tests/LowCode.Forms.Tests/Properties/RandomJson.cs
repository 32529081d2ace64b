using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CsCheck;
using LowCode.Runtime.Json;

namespace LowCode.Forms.Tests.Properties;

/// <summary>Generators of arbitrary JSON-natural values (as the server reads them), nested a few levels deep.</summary>
public static class RandomJson
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char.Array[0, 8].Select(c => new string(c)),
        Gen.OneOf("", "a", "IT", "hardware", "2026-03-02", "2026-03-02T09:00:00Z", "image/png", "form.Count > 1", "([", "number", "repeatingGroup"));

    private static readonly Gen<object?> Leaf = Gen.OneOf(
        Gen.Bool.Select(_ => (object?)null),
        Gen.Bool.Select(b => (object?)b),
        Gen.Int[-5, 2000].Select(i => (object?)(decimal)i),
        Gen.Decimal.Select(d => (object?)d),
        Text.Select(s => (object?)s));

    public static readonly Gen<string> Key = Gen.OneOf(Text, Gen.OneOf(
        "Title", "Count", "Due", "Tags", "Agree", "Photos", "Parts", "Part", "Qty", "Subtotal", "Department", "StartDate",
        "EndDate", "Lines", "Item", "Amount", "Total", "Receipts", "id", "name", "size", "contentType"));

    public static Gen<object?> Value(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (3, Leaf),
        (1, Value(depth - 1).Array[0, 4].Select(items => (object?)items.ToImmutableArray())),
        (1, Record(depth - 1).Select(r => (object?)r)));

    public static Gen<ImmutableDictionary<string, object?>> Record(int depth) =>
        Gen.Select(Key, Value(depth)).Array[0, 6].Select(pairs =>
        {
            var record = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
            foreach (var (k, v) in pairs) record[k] = v;
            return record.ToImmutable();
        });

    public static string ToJson(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) DataValueConverter.WriteValue(writer, value);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static ImmutableDictionary<string, object?> ReadRecord(string json) =>
        JsonSerializer.Deserialize<ImmutableDictionary<string, object?>>(json, LowCodeJson.Options)!;
}
