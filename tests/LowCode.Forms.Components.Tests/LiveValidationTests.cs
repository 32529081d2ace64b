using System.Collections.Immutable;
using LowCode.Forms.Validation;

namespace LowCode.Forms.Components.Tests;

/// <summary>Visibility, computed values and defaults follow the data as the user types, decided by FormValidator.</summary>
public sealed class LiveValidationTests : FormTest
{
    [Fact]
    public void A_field_with_visibleWhen_appears_and_disappears_as_another_field_changes()
    {
        var form = RenderForm(Schemas.Expense());
        Assert.False(Shows(form, "Justification"));

        InputAt(form, "Lines[0].Amount").Input("1200");
        Assert.True(Shows(form, "Justification"));

        InputAt(form, "Lines[0].Amount").Input("80");
        Assert.False(Shows(form, "Justification"));
    }

    [Fact]
    public void The_computed_total_follows_the_expense_lines_as_rows_are_edited_added_and_removed()
    {
        var form = RenderForm(Schemas.Expense());

        InputAt(form, "Lines[0].Amount").Input("120.50");
        Assert.Equal("120.50", InputAt(form, "Total").GetAttribute("value"));

        form.Find("[data-add-row]").Click();
        InputAt(form, "Lines[1].Amount").Change("30");
        Assert.Equal("150.50", InputAt(form, "Total").GetAttribute("value"));

        form.Find("[data-remove-row='0']").Click();
        Assert.Equal("30", InputAt(form, "Total").GetAttribute("value"));
        Assert.True(InputAt(form, "Total").HasAttribute("readonly"));
    }

    [Fact]
    public void Defaults_fill_untouched_fields_and_follow_the_fields_they_depend_on_until_edited()
    {
        var schema = Schemas.Parse("""
        { "sections": [ { "key": "s", "fields": [
            { "key": "Days", "type": "number", "default": 2 },
            { "key": "Nights", "type": "number", "defaultExpression": "form.Days - 1" }
        ] } ] }
        """);
        var form = RenderForm(schema);
        Assert.Equal("2", InputAt(form, "Days").GetAttribute("value"));
        Assert.Equal("1", InputAt(form, "Nights").GetAttribute("value"));

        InputAt(form, "Days").Change("5");
        Assert.Equal("4", InputAt(form, "Nights").GetAttribute("value"));

        InputAt(form, "Nights").Change("2");
        InputAt(form, "Days").Change("7");
        Assert.Equal("2", InputAt(form, "Nights").GetAttribute("value"));
    }

    [Fact]
    public void The_value_raised_after_each_change_is_data_the_validator_accepts_as_is()
    {
        var schema = Schemas.Expense();
        ImmutableDictionary<string, object?>? raised = null;
        var form = RenderForm(schema, p => p.Add(f => f.ValueChanged, v => raised = v));

        InputAt(form, "Department").Change("IT");
        InputAt(form, "StartDate").Change("2026-03-01");
        InputAt(form, "EndDate").Change("2026-03-02");
        InputAt(form, "Lines[0].Item").Change("Taxi");
        InputAt(form, "Lines[0].Amount").Change("88");

        Assert.Equal("""{"Department":"IT","EndDate":"2026-03-02","Lines":[{"Amount":88,"Item":"Taxi"}],"StartDate":"2026-03-01","Total":88}""", Json(raised!));
        Assert.True(FormValidator.Validate(schema, raised!).IsValid);
    }

    [Fact]
    public void Initial_data_is_shown_and_a_bound_value_from_the_host_replaces_the_data()
    {
        var schema = Schemas.Expense();
        var form = RenderForm(schema, p => p.Add(f => f.InitialData, Data("""{ "Department": "OPS", "Lines": [ { "Item": "Hotel", "Amount": 300 } ] }""")));
        Assert.Equal("OPS", InputAt(form, "Department").GetAttribute("value"));
        Assert.Equal("Hotel", InputAt(form, "Lines[0].Item").GetAttribute("value"));
        Assert.Equal("300", InputAt(form, "Total").GetAttribute("value"));

        form.Render(p => p.Add(f => f.Value, Data("""{ "Department": "FIN" }""")));
        Assert.Equal("FIN", InputAt(form, "Department").GetAttribute("value"));
    }

    [Fact]
    public void A_schema_edited_in_the_designer_keeps_what_was_typed_for_the_fields_still_there()
    {
        var schema = Schemas.Expense();
        var form = RenderForm(schema);
        InputAt(form, "Department").Change("IT");
        InputAt(form, "CostCentre").Change("CC-1234");

        schema.Sections[0].Fields.RemoveAt(1);
        schema.Sections[0].Fields.Add(new Schema.FormField { Key = "Project", Label = "Project", Type = Schema.FieldType.Text });
        form.Render(p => p.Add(f => f.Schema, schema));

        Assert.Equal("IT", InputAt(form, "Department").GetAttribute("value"));
        Assert.False(Shows(form, "CostCentre"));
        Assert.True(Shows(form, "Project"));
    }
}
