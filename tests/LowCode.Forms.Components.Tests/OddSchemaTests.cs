using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Tests;

/// <summary>Schemas straight from the designer or hand-written JSON render something sensible and never throw.</summary>
public sealed class OddSchemaTests : FormTest
{
    [Fact]
    public void No_schema_or_an_empty_one_says_the_form_has_no_fields()
    {
        var form = Render<GeneratedForm>();
        Assert.Contains("This form has no fields.", form.Markup);

        form.Render(p => p.Add(f => f.Schema, Schemas.Parse("""{ "sections": [ null, { "key": "s", "fields": null } ] }""")));
        Assert.Contains("This form has no fields.", form.Markup);
    }

    [Fact]
    public void Choice_fields_without_options_render_and_say_there_are_none()
    {
        var form = RenderForm(Schemas.Parse("""
        { "sections": [ { "fields": [
            { "key": "A", "type": "singleSelect" },
            { "key": "B", "type": "radio", "options": { "set": "missing" } },
            { "key": "C", "type": "multiSelect", "options": { "items": [ null, { "value": "" } ] } }
        ] } ] }
        """));

        Assert.Equal(3, form.FindAll(".gf-field").Count);
        Assert.Equal(3, form.FindAll(".gf-note").Count(n => n.TextContent == "No options are available."));
    }

    [Fact]
    public void Keyless_duplicate_and_nested_fields_and_odd_layout_numbers_are_tolerated()
    {
        var form = RenderForm(Schemas.Parse("""
        { "sections": [ { "columns": 9, "fields": [
            { "label": "No key", "type": "text" },
            { "key": "A", "label": "First A", "type": "text", "columnSpan": 40 },
            { "key": "A", "label": "Second A", "type": "number" },
            { "key": "G", "type": "repeatingGroup", "minRows": 1, "maxRows": 0,
              "columns": [ { "key": "Inner", "type": "repeatingGroup" }, { "key": "X", "type": "text", "hidden": true } ] }
        ] } ] }
        """));

        Assert.Contains("A field without a key cannot be filled in.", form.Markup);
        Assert.Equal("First A", FieldAt(form, "A").QuerySelector("label")!.TextContent.Trim());
        Assert.Single(form.FindAll("div.gf-field[data-path='A']"));
        Assert.Contains("--gf-columns: 4", form.Find(".gf-grid").GetAttribute("style"));
        Assert.Contains("A repeating group cannot be nested in another.", FieldAt(form, "G").TextContent);
        Assert.Empty(form.FindAll("[data-path='G[0].X']"));
    }

    [Fact]
    public void Values_of_the_wrong_shape_are_shown_and_named_by_the_validator_not_thrown()
    {
        var form = RenderForm(Schemas.Parse("""
        { "sections": [ { "fields": [
            { "key": "Size", "label": "Size", "type": "singleSelect", "options": { "items": [ { "value": "S" } ] } },
            { "key": "Count", "label": "Count", "type": "number" },
            { "key": "Files", "label": "Files", "type": "fileUpload" },
            { "key": "Rows", "label": "Rows", "type": "repeatingGroup", "columns": [ { "key": "A", "type": "text" } ] },
            { "key": "When", "label": "When", "type": "dateTime" },
            { "key": "Broken", "label": "Broken", "type": "text", "visibleWhen": "form.Nope > 1" }
        ] } ] }
        """), p => p.Add(f => f.InitialData, Data("""{ "Size": "XL", "Count": "many", "Files": [ 1 ], "Rows": [ 5 ], "When": "soon", "Stray": 1 }""")));

        form.Find("form").Submit();

        Assert.Equal("XL", InputAt(form, "Size").GetAttribute("value"));
        Assert.Equal(["'XL' is not an option of Size."], ErrorsAt(form, "Size"));
        Assert.Equal(["Count must be a number."], ErrorsAt(form, "Count"));
        Assert.Single(ErrorsAt(form, "Files"));
        Assert.Single(form.FindAll("tbody tr[data-row]"));
        Assert.True(Shows(form, "Broken"));
        Assert.Contains("'Stray' is not a field of this form.", form.Find("[data-error-summary]").TextContent);
    }
}
