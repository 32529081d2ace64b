using System.Collections.Immutable;
using LowCode.Forms.Components.State;
using LowCode.Forms.Validation;

namespace LowCode.Forms.Components.Tests;

/// <summary>Each input stores the JSON-natural value the validator takes, so what is shown is what is submitted.</summary>
public sealed class FieldValueTests : FormTest
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("Test/Beijing", TimeSpan.FromHours(8), "Beijing", "Beijing");

    [Fact]
    public void Every_input_writes_the_shape_of_its_field_type()
    {
        ImmutableDictionary<string, object?>? value = null;
        var schema = Schemas.EveryFieldType();
        var form = RenderForm(schema, p => p.Add(f => f.ValueChanged, v => value = v).Add(f => f.TimeZone, Beijing));

        InputAt(form, "Title").Input("Printer jam");
        InputAt(form, "Details").Change("Paper stuck\nin tray 2");
        InputAt(form, "Count").Change("3");
        InputAt(form, "Price").Change("19.90");
        InputAt(form, "Due").Change("2026-04-30");
        InputAt(form, "At").Change("2026-03-02T09:30");
        InputAt(form, "Size").Change("M");
        form.Find("input[data-option='b']").Change(true);
        form.Find("input[data-option='a']").Change(true);
        form.Find("input[data-option='high']").Change("high");
        InputAt(form, "Agree").Change(true);
        form.InvokeAsync(() => form.FindComponent<Fields.RichTextEditor>().Instance.HtmlChanged("<p>Call me</p>", committed: true));
        InputAt(form, "Parts[0].Part").Change("Roller");
        InputAt(form, "Parts[0].Qty").Change("2");

        Assert.Equal(
            """{"Agree":true,"At":"2026-03-02T09:30:00+08:00","Count":3,"Details":"Paper stuck\nin tray 2","Due":"2026-04-30","Notes":"<p>Call me</p>","Parts":[{"Part":"Roller","Qty":2}],"Price":19.90,"Size":"M","Tags":["a","b"],"Title":"Printer jam","Urgency":"high"}""",
            Json(value!));
        Assert.Equal("2026-03-02T09:30", InputAt(form, "At").GetAttribute("value"));
        var problems = FormValidator.Validate(schema, value!).Problems.Select(p => p.Path);
        Assert.Equal(["Owner", "Team", "Asset", "Photos"], problems);
    }

    [Fact]
    public void Clearing_an_input_removes_the_value_and_unchecking_every_choice_leaves_none()
    {
        ImmutableDictionary<string, object?>? value = null;
        var form = RenderForm(Schemas.EveryFieldType(), p => p.Add(f => f.ValueChanged, v => value = v));
        InputAt(form, "Count").Change("3");
        form.Find("input[data-option='a']").Change(true);

        InputAt(form, "Count").Change("");
        form.Find("input[data-option='a']").Change(false);

        Assert.False(value!.ContainsKey("Count"));
        Assert.False(value.ContainsKey("Tags"));
    }

    [Fact]
    public void Text_a_number_input_cannot_read_is_kept_so_the_validator_can_name_it()
    {
        var form = RenderForm(Schemas.EveryFieldType());

        InputAt(form, "Count").Change("three");

        Assert.Equal(["Count must be a number."], ErrorsAt(form, "Count"));
    }

    [Fact]
    public void While_typing_a_number_text_the_browser_reports_as_empty_does_not_clear_it_until_the_field_is_left()
    {
        var form = RenderForm(Schemas.Expense());
        InputAt(form, "Lines[0].Amount").Input("12");

        InputAt(form, "Lines[0].Amount").Input("");
        Assert.Equal("12", InputAt(form, "Total").GetAttribute("value"));

        InputAt(form, "Lines[0].Amount").Change("");
        Assert.Equal("0", InputAt(form, "Total").GetAttribute("value"));
    }

    [Theory]
    [InlineData("Amount", "Amount", null, null)]
    [InlineData("Lines[12].Amount", "Lines", 12, "Amount")]
    [InlineData("Receipts[0]", "Receipts", 0, null)]
    [InlineData("odd key[", "odd key[", null, null)]
    public void Problem_paths_are_read_back_into_field_row_and_column(string path, string key, int? row, string? column)
    {
        var parsed = FieldPath.Parse(path);

        Assert.Equal(new FieldPath(key, row, column), parsed);
        Assert.Equal(path, parsed.ToString());
    }

    [Fact]
    public void Element_ids_are_made_from_paths() =>
        Assert.Equal(["gf-Lines-1-Amount", "gf-Receipts-0", "gf-odd_key_"],
            new[] { "Lines[1].Amount", "Receipts[0]", "odd key!" }.Select(p => FieldPath.Parse(p).ToId("gf")));
}
