using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LowCode.Runtime.Json;

/// <summary>
/// Form values and variables are kept as JSON-natural CLR values: string, decimal, bool, null,
/// lists (<see cref="ImmutableArray{T}"/> of values) and records (<see cref="ImmutableDictionary{TKey,TValue}"/>).
/// Typed views (dates, user ids, table rows) are applied by the expression layer from the schema,
/// so what is stored is exactly what was submitted and survives any round-trip.
/// </summary>
public sealed class DataValueConverter : JsonConverter<object?>
{
    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var d) ? d : throw new JsonException("The number is too large: numbers must fit a decimal (at most about 7.9e28).");
            case JsonTokenType.StartArray:
                var items = ImmutableArray.CreateBuilder<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader));
                return items.ToImmutable();
            case JsonTokenType.StartObject:
                return ReadRecord(ref reader);
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    /// <summary>Reads an object whose start token is current.</summary>
    public static ImmutableDictionary<string, object?> ReadRecord(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected a JSON object.");
        var fields = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            fields[name] = ReadValue(ref reader);
        }
        return fields.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) => WriteValue(writer, value);

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double f: writer.WriteNumberValue(f); break;
            case DateTimeOffset t: writer.WriteStringValue(t); break;
            case DateTime t: writer.WriteStringValue(t); break;
            case JsonElement e: e.WriteTo(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> record:
                writer.WriteStartObject();
                foreach (var (k, v) in record.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new JsonException($"A value of type {value.GetType().Name} cannot be stored as form or variable data.");
        }
    }
}

/// <summary>Reads and writes a record of named values (a form submission, the flow variables).</summary>
public sealed class DataRecordConverter : JsonConverter<ImmutableDictionary<string, object?>>
{
    public override ImmutableDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? ImmutableDictionary<string, object?>.Empty : DataValueConverter.ReadRecord(ref reader);

    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, object?> value, JsonSerializerOptions options) =>
        DataValueConverter.WriteValue(writer, value);
}
