using LowCode.Forms.Schema;
using LowCode.Forms.Tests.Support;
using Xunit;

namespace LowCode.Forms.Tests.Validation;

/// <summary>Each field type accepts its JSON-natural shape and refuses others with the field's path.</summary>
public sealed class FieldTypeTests
{
    private const string File = """{ "id": "att-1", "name": "r.pdf", "size": 10, "contentType": "application/pdf" }""";

    [Theory]
    [InlineData(FieldType.Text, "\"hello\"", "5")]
    [InlineData(FieldType.MultiLineText, "\"a\\nb\"", "true")]
    [InlineData(FieldType.RichText, "\"<p>x</p>\"", "[\"x\"]")]
    [InlineData(FieldType.Number, "12.5", "\"12\"")]
    [InlineData(FieldType.Money, "99.99", "{}")]
    [InlineData(FieldType.Date, "\"2026-03-02\"", "\"2026-13-40\"")]
    [InlineData(FieldType.DateTime, "\"2026-03-02T09:00:00+08:00\"", "\"yesterday\"")]
    [InlineData(FieldType.Checkbox, "true", "\"yes\"")]
    [InlineData(FieldType.UserPicker, "\"u-42\"", "42")]
    [InlineData(FieldType.TeamPicker, "\"t-1\"", "{}")]
    [InlineData(FieldType.SingleSelect, "\"a\"", "1")]
    [InlineData(FieldType.Radio, "\"b\"", "false")]
    [InlineData(FieldType.AssetLookup, "\"a\"", "{\"id\":1}")]
    [InlineData(FieldType.MultiSelect, "[\"a\",\"b\"]", "[1]")]
    [InlineData(FieldType.FileUpload, "[" + File + "]", "[{\"id\":\"x\"}]")]
    [InlineData(FieldType.RepeatingGroup, "[{\"Col\":\"x\"}]", "[1,2]")]
    public void Accepts_its_own_shape_and_rejects_a_wrong_type(FieldType type, string good, string bad)
    {
        var form = Data.Form(Field(type));

        var ok = Data.Validate(form, $$"""{ "F": {{good}} }""");
        var wrong = Data.Validate(form, $$"""{ "F": {{bad}} }""");

        Assert.True(ok.IsValid, Data.Codes(ok));
        Assert.True(ok.CleanData.ContainsKey("F"));
        Assert.Equal("F:type", Data.Codes(wrong));
    }

    [Fact]
    public void Unknown_fields_are_rejected_and_not_kept()
    {
        var result = Data.Validate(Data.Form(Field(FieldType.Text)), """{ "F": "x", "Sneaky": 1 }""");

        Assert.Equal("Sneaky:unknown-field", Data.Codes(result));
        Assert.False(result.CleanData.ContainsKey("Sneaky"));
    }

    private static FormField Field(FieldType type) => new()
    {
        Key = "F", Type = type,
        Options = type.HasOptions() ? new OptionSource { Items = [new("a"), new("b")] } : null,
        Columns = type == FieldType.RepeatingGroup ? [new FormField { Key = "Col", Type = FieldType.Text }] : null,
    };
}
