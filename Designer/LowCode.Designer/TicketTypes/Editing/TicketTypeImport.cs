using System.Text.Json;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>Reads an exported ticket type file as the import API does: the engine's JSON options, then the key's shape.</summary>
public static class TicketTypeImport
{
    public const string KeyRule = "The key must be lower-case letters, digits and '-', starting with a letter (e.g. equipment-repair).";

    public static DesignerResult<TicketTypeDefinition> Read(string json)
    {
        TicketTypeDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<TicketTypeDefinition>(json, LowCodeJson.Options);
        }
        catch (JsonException e)
        {
            return DesignerResult<TicketTypeDefinition>.Fail($"{e.Message.Split(" Path:")[0]} (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return DesignerResult<TicketTypeDefinition>.Fail(e.Message);
        }
        if (definition is null) return DesignerResult<TicketTypeDefinition>.Fail("The file holds no ticket type (null).");
        return CheckKey(definition.Key) is { } problem
            ? DesignerResult<TicketTypeDefinition>.Fail(KeyRule, [problem])
            : DesignerResult<TicketTypeDefinition>.Ok(definition);
    }

    /// <summary>The problem with a ticket type key, or null when it is well formed.</summary>
    public static ValidationProblem? CheckKey(string? key) =>
        TicketTypeCompiler.IsKey(key ?? "") ? null : new ValidationProblem("invalid-key", KeyRule) { Path = "key" };
}
