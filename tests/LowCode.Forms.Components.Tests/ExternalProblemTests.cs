using LowCode.Forms.Validation;

namespace LowCode.Forms.Components.Tests;

/// <summary>Problems found outside the form (the server's refusal) show under their fields like the form's own, until edited.</summary>
public sealed class ExternalProblemTests : FormTest
{
    private static readonly IReadOnlyList<FormProblem> Refusal =
    [
        new("CostCentre", "rule", "Cost centre CC-1234 is closed."),
        new("Lines[0].Amount", "max", "Amount exceeds the travel budget."),
        new("Approver", "unknown-field", "Approver is not a field of this form."),
    ];

    [Fact]
    public void Outside_problems_show_under_their_fields_and_cells_at_once()
    {
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.ExternalProblems, Refusal));

        Assert.Equal(["Cost centre CC-1234 is closed."], ErrorsAt(form, "CostCentre"));
        Assert.Equal(["Amount exceeds the travel budget."], ErrorsAt(form, "Lines[0].Amount"));
        Assert.Equal("true", InputAt(form, "CostCentre").GetAttribute("aria-invalid"));
        Assert.Empty(ErrorsAt(form, "Department"));
    }

    [Fact]
    public void A_problem_without_a_visible_field_is_listed_at_the_top_of_the_form()
    {
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.ExternalProblems, Refusal));

        var listed = form.FindAll("[data-external-problems] li");
        Assert.Equal(["Approver"], listed.Select(li => li.GetAttribute("data-path")));
        Assert.Contains("not a field", listed[0].TextContent);
    }

    [Fact]
    public void Editing_a_field_clears_its_outside_problem_and_leaves_the_others()
    {
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.ExternalProblems, Refusal));

        InputAt(form, "Lines[0].Amount").Input("12");

        Assert.Empty(ErrorsAt(form, "Lines[0].Amount"));
        Assert.Equal(["Cost centre CC-1234 is closed."], ErrorsAt(form, "CostCentre"));
    }

    [Fact]
    public void Own_and_outside_problems_show_side_by_side_and_a_new_list_replaces_the_old()
    {
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.ExternalProblems, Refusal));
        form.Find("form").Submit();

        Assert.Equal(["Amount is required.", "Amount exceeds the travel budget."], ErrorsAt(form, "Lines[0].Amount"));

        form.Render(p => p.Add(f => f.ExternalProblems, [new FormProblem("Department", "option", "Department FIN takes no new claims.")]));

        Assert.Equal(["Amount is required."], ErrorsAt(form, "Lines[0].Amount"));
        Assert.Equal(["Department is required.", "Department FIN takes no new claims."], ErrorsAt(form, "Department"));
        Assert.Empty(form.FindAll("[data-external-problems]"));
    }
}
