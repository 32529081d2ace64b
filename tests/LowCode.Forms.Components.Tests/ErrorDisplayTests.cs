namespace LowCode.Forms.Components.Tests;

/// <summary>The validator's problems show next to their fields once touched or after a submit attempt, and go once fixed.</summary>
public sealed class ErrorDisplayTests : FormTest
{
    [Fact]
    public void Nothing_is_shown_before_the_user_touches_a_field_or_submits()
    {
        var form = RenderForm(Schemas.Expense());

        Assert.Empty(form.FindAll(".gf-error"));
        Assert.Empty(form.FindAll("[data-error-summary]"));
        Assert.Equal("false", InputAt(form, "Department").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_problem_shows_once_the_field_is_left_but_not_while_typing()
    {
        var form = RenderForm(Schemas.Expense());

        InputAt(form, "CostCentre").Input("CC-12");
        Assert.Empty(ErrorsAt(form, "CostCentre"));

        InputAt(form, "CostCentre").Change("CC-12");
        Assert.Equal(["Use the form CC-1234."], ErrorsAt(form, "CostCentre"));
        Assert.Empty(ErrorsAt(form, "Department"));
    }

    [Fact]
    public void Required_pattern_and_cross_field_problems_show_after_a_submit_attempt_and_clear_once_fixed()
    {
        var form = RenderForm(Schemas.Expense());
        InputAt(form, "CostCentre").Input("12");
        InputAt(form, "StartDate").Change("2026-03-05");
        InputAt(form, "EndDate").Change("2026-03-01");

        form.Find("form").Submit();

        Assert.Equal(["Department is required."], ErrorsAt(form, "Department"));
        Assert.Equal(["Use the form CC-1234."], ErrorsAt(form, "CostCentre"));
        Assert.Equal(["The end date cannot be before the start date."], ErrorsAt(form, "EndDate"));
        Assert.Equal(["Item is required."], ErrorsAt(form, "Lines[0].Item"));
        Assert.Equal(["Amount is required."], ErrorsAt(form, "Lines[0].Amount"));
        var department = InputAt(form, "Department");
        Assert.Equal("true", department.GetAttribute("aria-invalid"));
        Assert.Contains(department.GetAttribute("aria-describedby")!.Split(' '), id => form.Find($"#{id}").TextContent.Contains("required"));

        var summary = form.Find("[data-error-summary]");
        Assert.Contains("Department is required.", summary.TextContent);
        Assert.Equal($"#{department.Id}", summary.QuerySelector("li[data-path='Department'] a")!.GetAttribute("href"));
        Assert.Equal($"#{InputAt(form, "Lines[0].Amount").Id}", summary.QuerySelector("li[data-path='Lines[0].Amount'] a")!.GetAttribute("href"));

        InputAt(form, "Department").Change("FIN");
        InputAt(form, "CostCentre").Input("CC-1234");
        InputAt(form, "EndDate").Change("2026-03-06");

        Assert.Empty(ErrorsAt(form, "Department"));
        Assert.Empty(ErrorsAt(form, "CostCentre"));
        Assert.Empty(ErrorsAt(form, "EndDate"));
        Assert.Equal("false", InputAt(form, "Department").GetAttribute("aria-invalid"));
        Assert.DoesNotContain("Department", form.Find("[data-error-summary]").TextContent);
    }

    [Fact]
    public void A_field_required_by_requiredWhen_is_marked_and_checked_only_while_its_condition_holds()
    {
        var form = RenderForm(Schemas.Expense());
        Assert.Empty(FieldAt(form, "Receipts").QuerySelectorAll(".gf-required"));

        InputAt(form, "Lines[0].Amount").Input("5000");
        form.Find("form").Submit();

        Assert.NotEmpty(FieldAt(form, "Receipts").QuerySelectorAll(".gf-required"));
        Assert.Equal(["Receipts is required."], ErrorsAt(form, "Receipts"));
        Assert.Equal(["Justification is required."], ErrorsAt(form, "Justification"));

        InputAt(form, "Lines[0].Amount").Input("50");
        Assert.False(Shows(form, "Justification"));
        Assert.Empty(ErrorsAt(form, "Receipts"));
    }

    [Fact]
    public void Row_limit_problems_of_a_group_show_at_the_table()
    {
        var schema = Schemas.Parse("""
        { "sections": [ { "fields": [ { "key": "Parts", "label": "Parts", "type": "repeatingGroup", "maxRows": 1,
            "columns": [ { "key": "Part", "type": "text" } ] } ] } ] }
        """);
        var form = RenderForm(schema, p => p.Add(f => f.InitialData, Data("""{ "Parts": [ { "Part": "a" }, { "Part": "b" } ] }""")));

        form.Find("form").Submit();

        Assert.Equal(["Parts allows at most 1 row(s)."], ErrorsAt(form, "Parts"));
    }
}
