using System.Text.Json;
using LowCode.Forms.Schema;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Json;
using Xunit;

namespace LowCode.Grains.Tests.TicketTypes;

/// <summary>Drafts, versions and exports written before forms had sections still read, as one section of equivalent fields.</summary>
public sealed class LegacyFormTests
{
    [Fact]
    public void An_exported_flat_form_is_upgraded_to_one_section()
    {
        const string json = """
            { "key": "old", "name": "Old", "category": "Tests",
              "form": { "fields": [
                { "key": "Site", "label": "Site", "type": "choice", "required": true, "options": ["SH", "BJ"] },
                { "key": "Urgent", "label": "Urgent", "type": "boolean" },
                { "key": "Lines", "label": "Lines", "type": "table", "columns": [ { "key": "Amount", "label": "Amount", "type": "money", "required": true } ] } ] },
              "taskForms": { "notes": { "fields": [ { "key": "Notes", "label": "Notes", "type": "text", "help": "h" } ] } } }
            """;

        var definition = JsonSerializer.Deserialize<TicketTypeDefinition>(json, LowCodeJson.Options)!;

        var fields = Assert.Single(definition.Form.Sections).Fields;
        Assert.Equal([("Site", FieldType.SingleSelect), ("Urgent", FieldType.Checkbox), ("Lines", FieldType.RepeatingGroup)], fields.Select(f => (f.Key, f.Type)));
        Assert.True(fields[0].Required);
        Assert.Equal(["SH", "BJ"], fields[0].Options!.Items!.Select(o => o.Value));
        Assert.Equal(FieldType.Money, Assert.Single(fields[2].Columns!).Type);
        Assert.Equal("h", Assert.Single(definition.TaskForms["notes"].Sections).Fields.Single().Help);
    }

    [Fact]
    public void Grain_storage_json_of_a_flat_form_is_upgraded_too()
    {
        // What Orleans' storage serializer wrote: default options, Pascal-case names, enums as numbers.
        const string json = """{ "Key": "old", "Form": { "Fields": [ { "Key": "Amount", "Label": "Amount", "Type": 2, "Required": false, "Options": [], "Columns": [] } ] } }""";

        var definition = JsonSerializer.Deserialize<TicketTypeDefinition>(json)!;

        Assert.Equal(("Amount", FieldType.Money), definition.Form.AllFields().Select(f => (f.Key, f.Type)).Single());
    }

    [Fact]
    public void A_form_in_the_new_shape_round_trips_under_default_options_as_grain_storage_uses()
    {
        var definition = Grains.TicketTypes.ReferenceTicketTypes.ExpenseApproval();

        var json = JsonSerializer.Serialize(definition);
        var back = JsonSerializer.Deserialize<TicketTypeDefinition>(json)!;

        Assert.Equal(JsonSerializer.Serialize(definition, LowCodeJson.Options), JsonSerializer.Serialize(back, LowCodeJson.Options));
    }

    [Fact]
    public void A_wrong_value_inside_the_form_names_its_place()
    {
        const string json = """{ "key": "bad", "form": { "sections": [ { "key": "s", "fields": [ { "key": "A", "type": "colour" } ] } ] } }""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TicketTypeDefinition>(json, LowCodeJson.Options));

        Assert.Equal("$.form", error.Path);
        Assert.Contains("sections[0].fields[0].type", error.Message, StringComparison.Ordinal);
    }
}
