using System.Text.Json;
using LowCode.Runtime.Json;

namespace LowCode.Forms.Schema;

/// <summary>Reads and writes form schemas with the platform's JSON options (web defaults, camelCase enums).</summary>
public static class FormSchemaJson
{
    public static string Serialize(FormSchema schema, bool indented = true) =>
        JsonSerializer.Serialize(schema, indented ? LowCodeJson.Indented : LowCodeJson.Options);

    /// <summary>Parses a schema; malformed JSON gives an error naming the JSON path instead of throwing.</summary>
    public static (FormSchema? Schema, string? Error) Parse(string json)
    {
        try
        {
            var schema = JsonSerializer.Deserialize<FormSchema>(json, LowCodeJson.Options);
            return schema is null ? (null, "The form schema is empty (null).") : (schema, null);
        }
        catch (JsonException e)
        {
            return (null, $"{e.Message.Split(" Path:")[0]} (at {e.Path ?? "$"}, line {e.LineNumber + 1}, column {e.BytePositionInLine + 1})");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, e.Message);
        }
    }
}
