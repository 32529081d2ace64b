using System.Text.Json;
using LowCode.Forms.Schema;
using LowCode.Runtime.Definitions;

namespace LowCode.Grains.Contracts;

/// <summary>
/// The form shape before the Forms library: <c>{ "fields": [ { key, label, type, required, options, columns, help } ] }</c>
/// with engine data types (<c>choice</c>, <c>table</c>…). Upgraded to one section of equivalent fields; property
/// names in any case and types as names or numbers, as grain storage wrote them.
/// </summary>
internal static class LegacyForm
{
    /// <summary>An object with <c>fields</c> and without <c>sections</c> (the reader is copied, not moved).</summary>
    public static bool Is(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        var depth = reader.CurrentDepth;
        var (fields, sections) = (false, false);
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1) continue;
            var name = reader.GetString();
            fields |= string.Equals(name, "fields", StringComparison.OrdinalIgnoreCase);
            sections |= string.Equals(name, "sections", StringComparison.OrdinalIgnoreCase);
            reader.Read();
            reader.Skip();
        }
        return fields && !sections;
    }

    public static FormSchema Upgrade(JsonElement form) =>
        new() { Sections = [new FormSection { Key = "main", Title = "", Columns = 1, Fields = Fields(form, "fields") }] };

    private static List<FormField> Fields(JsonElement owner, string name)
    {
        var list = Property(owner, name);
        if (list is null || list.Value.ValueKind == JsonValueKind.Null) return [];
        if (list.Value.ValueKind != JsonValueKind.Array) throw new JsonException($"'{name}' of a form must be a list of fields.");
        return [.. list.Value.EnumerateArray().Select(Field)];
    }

    private static FormField Field(JsonElement field)
    {
        if (field.ValueKind != JsonValueKind.Object) throw new JsonException("Each field of a form must be an object.");
        var options = Property(field, "options") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => new FieldOption(o.GetString()!)).ToList()
            : [];
        var type = TypeOf(Property(field, "type"), options.Count > 0);
        return new FormField
        {
            Key = Text(field, "key") ?? "",
            Label = Text(field, "label") ?? "",
            Help = Text(field, "help"),
            Type = type,
            Required = Property(field, "required")?.ValueKind == JsonValueKind.True,
            Options = type.HasOptions() ? new OptionSource { Items = options } : null,
            Columns = type == FieldType.RepeatingGroup ? Fields(field, "columns") : null,
        };
    }

    private static FieldType TypeOf(JsonElement? type, bool hasOptions)
    {
        DataType? old = type?.ValueKind switch
        {
            JsonValueKind.String when Enum.TryParse<DataType>(type.Value.GetString(), ignoreCase: true, out var named) => named,
            JsonValueKind.Number when type.Value.TryGetInt32(out var n) && Enum.IsDefined((DataType)n) => (DataType)n,
            _ => null,
        };
        return old switch
        {
            DataType.Number => FieldType.Number,
            DataType.Money => FieldType.Money,
            DataType.Boolean => FieldType.Checkbox,
            DataType.Date => FieldType.Date,
            DataType.DateTime => FieldType.DateTime,
            DataType.Choice => hasOptions ? FieldType.SingleSelect : FieldType.Text,
            DataType.MultiChoice => FieldType.MultiSelect,
            DataType.User => FieldType.UserPicker,
            DataType.Team => FieldType.TeamPicker,
            DataType.File => FieldType.FileUpload,
            DataType.Table => FieldType.RepeatingGroup,
            _ => FieldType.Text,
        };
    }

    private static JsonElement? Property(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object
            ? owner.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    private static string? Text(JsonElement owner, string name) =>
        Property(owner, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
