using LowCode.Forms.Schema;
using LowCode.Forms.Tests.Support;
using LowCode.Runtime.Definitions;
using Xunit;

namespace LowCode.Forms.Tests.Schema;

/// <summary>Schemas are plain JSON with camelCase names and enum values, and survive a round trip.</summary>
public sealed class FormSchemaJsonTests
{
    [Fact]
    public void A_schema_with_every_field_type_round_trips()
    {
        var json = FormSchemaJson.Serialize(SampleForms.EveryFieldType());
        var (parsed, error) = FormSchemaJson.Parse(json);

        Assert.Null(error);
        Assert.Equal(json, FormSchemaJson.Serialize(parsed!));
        Assert.Equal(Enum.GetValues<FieldType>().Order(), parsed!.AllFields().Select(f => f.Type).Distinct().Order());
        Assert.Contains("\"type\": \"multiLineText\"", json);
        Assert.Contains("\"type\": \"repeatingGroup\"", json);
        Assert.Equal(1m, parsed.AllFields().Single(f => f.Key == "Count").Default);
    }

    [Fact]
    public void Malformed_json_is_an_error_with_a_place_not_an_exception()
    {
        var (schema, error) = FormSchemaJson.Parse("""{ "sections": [ { "fields": [ { "type": "slider" } ] } ] }""");

        Assert.Null(schema);
        Assert.Contains("$.sections[0].fields[0].type", error);
    }

    [Fact]
    public void Fields_map_to_the_expression_language_types()
    {
        var schema = SampleForms.EveryFieldType().ToExpressionSchema();

        Assert.Equal(DataType.Money, schema.Form["Price"].Type);
        Assert.Equal(DataType.Choice, schema.Form["Asset"].Type);
        Assert.Equal(DataType.Boolean, schema.Form["Agree"].Type);
        Assert.Equal(["Part", "Qty"], schema.Form["Parts"].Columns.Select(c => c.Key));
    }
}
