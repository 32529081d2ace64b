using LowCode.Forms.Schema;
using LowCode.Forms.Tests.Support;
using Xunit;

namespace LowCode.Forms.Tests.Validation;

/// <summary>Every rule a field can carry, passing and failing.</summary>
public sealed class RuleTests
{
    [Theory]
    [InlineData("""{ }""", "F:required")]
    [InlineData("""{ "F": "" }""", "F:required")]
    [InlineData("""{ "F": null }""", "F:required")]
    [InlineData("""{ "F": "x" }""", "")]
    public void Required_text(string json, string expected) =>
        Assert.Equal(expected, Data.Codes(Data.Validate(Data.Form(new FormField { Key = "F", Required = true }), json)));

    [Fact]
    public void A_required_checkbox_must_be_ticked() =>
        Assert.Equal("F:required", Data.Codes(Data.Validate(Data.Form(new FormField { Key = "F", Type = FieldType.Checkbox, Required = true }), """{ "F": false }""")));

    [Theory]
    [InlineData("0", "F:min")]
    [InlineData("1", "")]
    [InlineData("10", "")]
    [InlineData("10.01", "F:max")]
    public void Number_bounds(string value, string expected) =>
        Assert.Equal(expected, Data.Codes(Data.Validate(Data.Form(new FormField { Key = "F", Type = FieldType.Number, Min = 1, Max = 10 }), $$"""{ "F": {{value}} }""")));

    [Theory]
    [InlineData("2025-12-31", "F:min")]
    [InlineData("2026-06-01", "")]
    [InlineData("2027-01-01", "F:max")]
    public void Date_bounds(string value, string expected) =>
        Assert.Equal(expected, Data.Codes(Data.Validate(
            Data.Form(new FormField { Key = "F", Type = FieldType.Date, MinDate = "2026-01-01", MaxDate = "2026-12-31" }), $$"""{ "F": "{{value}}" }""")));

    [Theory]
    [InlineData("ab", "F:min-length")]
    [InlineData("abc", "")]
    [InlineData("abcdef", "F:max-length")]
    public void Text_length(string value, string expected) =>
        Assert.Equal(expected, Data.Codes(Data.Validate(Data.Form(new FormField { Key = "F", MinLength = 3, MaxLength = 5 }), $$"""{ "F": "{{value}}" }""")));

    [Theory]
    [InlineData("13812345678", "")]
    [InlineData("1381234567x", "F:pattern")]
    [InlineData("x13812345678", "F:pattern")]
    public void Pattern_must_match_the_whole_text(string value, string expected) =>
        Assert.Equal(expected, Data.Codes(Data.Validate(Data.Form(new FormField { Key = "F", Pattern = @"1[3-9]\d{9}" }), $$"""{ "F": "{{value}}" }""")));

    [Fact]
    public void A_catastrophic_pattern_times_out_as_a_problem_not_an_exception()
    {
        var form = Data.Form(new FormField { Key = "F", Pattern = "(a+)+b" });
        var result = Data.Validate(form, $$"""{ "F": "{{new string('a', 5000)}}c" }""");
        Assert.Equal("F:pattern", Data.Codes(result));
    }

    [Fact]
    public void Options_come_from_items_sets_or_supplied_remote_values()
    {
        var form = Data.Form(
            new FormField { Key = "A", Type = FieldType.SingleSelect, Options = new OptionSource { Items = [new("x")] } },
            new FormField { Key = "B", Type = FieldType.MultiSelect, Options = new OptionSource { Set = "s" } },
            new FormField { Key = "C", Type = FieldType.AssetLookup, Options = new OptionSource { Url = "https://cmdb/assets" } }) with
        { OptionSets = new() { ["s"] = [new("p"), new("q")] } };
        var context = new LowCode.Forms.Validation.FormValidationContext
        {
            RemoteOptions = new Dictionary<string, IReadOnlyCollection<string>> { ["https://cmdb/assets"] = ["PUMP-1"] },
        };

        var result = LowCode.Forms.Validation.FormValidator.Validate(form, Data.Of("""{ "A": "y", "B": ["p", "z"], "C": "PUMP-2" }"""), context);
        var notChecked = Data.Validate(form, """{ "A": "x", "B": ["q"], "C": "anything" }""");

        Assert.Equal("A:option B:option C:option", Data.Codes(result));
        Assert.True(notChecked.IsValid, Data.Codes(notChecked));
    }

    [Fact]
    public void File_count_size_and_type_are_enforced_per_file()
    {
        var form = Data.Form(new FormField
        {
            Key = "F", Type = FieldType.FileUpload,
            Files = new FileConstraints { MaxFiles = 2, MaxSizeBytes = 100, AllowedContentTypes = ["image/*", "application/pdf"] },
        });
        var result = Data.Validate(form, """
            { "F": [
              { "id": "1", "name": "a.png", "size": 50, "contentType": "image/png" },
              { "id": "2", "name": "b.pdf", "size": 500, "contentType": "application/pdf" },
              { "id": "3", "name": "c.exe", "size": 5, "contentType": "application/x-msdownload" } ] }
            """);

        Assert.Equal("F:file-count F[1]:file-size F[2]:file-type", Data.Codes(result));
    }

    [Fact]
    public void Repeating_group_rows_are_checked_with_their_index_and_row_limits()
    {
        var form = Data.Form(new FormField
        {
            Key = "Lines", Type = FieldType.RepeatingGroup, MinRows = 1, MaxRows = 2,
            Columns = [new FormField { Key = "Amount", Type = FieldType.Money, Required = true, Min = 0 }],
        });

        var rows = Data.Validate(form, """{ "Lines": [ { "Amount": 1 }, { "Amount": "x" }, { "Other": 2 } ] }""");
        var none = Data.Validate(form, """{ "Lines": [] }""");

        Assert.Equal("Lines:max-rows Lines[1].Amount:type Lines[2].Other:unknown-field Lines[2].Amount:required", Data.Codes(rows));
        Assert.Equal("Lines:min-rows", Data.Codes(none));
    }
}
