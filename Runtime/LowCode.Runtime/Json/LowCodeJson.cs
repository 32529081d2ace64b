using System.Text.Json;
using System.Text.Json.Serialization;
using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Json;

/// <summary>The one set of JSON options for definitions, state and data across LowCode.</summary>
public static class LowCodeJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new DataRecordConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(WorkflowDefinition definition, bool indented = true) =>
        JsonSerializer.Serialize(definition, indented ? Indented : Options);

    /// <summary>Parses a definition; malformed JSON raises <see cref="DefinitionFormatException"/> naming the place.</summary>
    public static WorkflowDefinition Deserialize(string json)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
                ?? throw new DefinitionFormatException("The definition is empty (null).", "$");
            if (definition.SchemaVersion > WorkflowDefinition.CurrentSchemaVersion)
                throw new DefinitionFormatException(
                    $"schemaVersion {definition.SchemaVersion} is newer than this server understands ({WorkflowDefinition.CurrentSchemaVersion}).", "$.schemaVersion");
            return definition;
        }
        catch (JsonException e)
        {
            throw new DefinitionFormatException(Describe(e), e.Path ?? "$", e.LineNumber + 1, e.BytePositionInLine + 1);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new DefinitionFormatException(e.Message, "$");
        }
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase))
            message += $" Known node kinds: {string.Join(", ", NodeKinds.All)}.";
        return message;
    }
}

/// <summary>The JSON of a definition could not be read. Carries the JSON path and, when known, line and column.</summary>
public sealed class DefinitionFormatException(string message, string path, long? line = null, long? column = null)
    : Exception(line is null ? $"{message} (at {path})" : $"{message} (at {path}, line {line}, column {column})")
{
    public string Path { get; } = path;
    public long? Line { get; } = line;
    public long? Column { get; } = column;
    public string Reason { get; } = message;
}
