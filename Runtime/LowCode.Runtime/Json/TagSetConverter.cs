using System.Text.Json;
using System.Text.Json.Serialization;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Json;

/// <summary>A <see cref="TagSet"/> is a JSON array of strings.</summary>
public sealed class TagSetConverter : JsonConverter<TagSet>
{
    public override TagSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? TagSet.Empty : new TagSet(JsonSerializer.Deserialize<string[]>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, TagSet value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value.Items) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}
