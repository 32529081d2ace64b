using System.Text.Json;
using System.Text.Json.Serialization;
using LowCode.Forms.Schema;

namespace LowCode.Grains.Contracts;

/// <summary>
/// Reads a ticket type's form in the Forms library's shape (<c>{ "sections": [...] }</c>), and also in the
/// flat shape drafts, versions and exports had before forms grew sections (<c>{ "fields": [...] }</c>),
/// which it upgrades to one section (<see cref="LegacyForm"/>), so nothing stored earlier reads as an empty
/// form. Writes the schema as it is. Errors inside the form name their place within it.
/// </summary>
public sealed class FormSchemaUpgradingConverter : JsonConverter<FormSchema>
{
    public override FormSchema? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadForm(ref reader, options);

    public override void Write(Utf8JsonWriter writer, FormSchema value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);

    internal static FormSchema? ReadForm(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (LegacyForm.Is(reader))
        {
            using var legacy = JsonDocument.ParseValue(ref reader);
            return LegacyForm.Upgrade(legacy.RootElement);
        }
        try
        {
            return JsonSerializer.Deserialize<FormSchema>(ref reader, options);
        }
        catch (JsonException e) when (e.Path is { Length: > 1 } path)
        {
            // Rethrown without a path, the serializer gives it the form's own path; the message says where inside.
            throw new JsonException($"{e.Message.Split(" Path:")[0]} (at {path.TrimStart('$', '.')} in the form)", e);
        }
    }
}

/// <summary>Reads task forms by key, each like <see cref="FormSchemaUpgradingConverter"/>.</summary>
public sealed class TaskFormsUpgradingConverter : JsonConverter<Dictionary<string, FormSchema>>
{
    public override Dictionary<string, FormSchema>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Task forms are an object: { \"form-key\": { \"sections\": [...] } }.");
        var forms = new Dictionary<string, FormSchema>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            forms[key] = FormSchemaUpgradingConverter.ReadForm(ref reader, options)!;
        }
        return forms;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, FormSchema> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, form) in value)
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, form, options);
        }
        writer.WriteEndObject();
    }
}
