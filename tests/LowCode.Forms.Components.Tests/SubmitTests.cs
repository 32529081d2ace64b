using System.Collections.Immutable;
using LowCode.Forms.Validation;

namespace LowCode.Forms.Components.Tests;

/// <summary>Submitting hands the validator's clean data to the host only when the form is valid.</summary>
public sealed class SubmitTests : FormTest
{
    private static void FillValidExpense(IRenderedComponent<GeneratedForm> form)
    {
        InputAt(form, "Department").Change("FIN");
        InputAt(form, "StartDate").Change("2026-03-01");
        InputAt(form, "EndDate").Change("2026-03-03");
        InputAt(form, "Lines[0].Item").Change("Train");
        InputAt(form, "Lines[0].Amount").Change("420");
    }

    [Fact]
    public void OnValidSubmit_is_not_called_while_the_form_is_invalid()
    {
        var submitted = 0;
        FormValidationResult? refused = null;
        var form = RenderForm(Schemas.Expense(), p => p
            .Add(f => f.OnValidSubmit, _ => submitted++)
            .Add(f => f.OnInvalidSubmit, r => refused = r));

        form.Find("form").Submit();

        Assert.Equal(0, submitted);
        Assert.Contains(refused!.Problems, p => p.Path == "Department" && p.Code == "required");
    }

    [Fact]
    public void OnValidSubmit_receives_the_clean_data_of_a_valid_form()
    {
        ImmutableDictionary<string, object?>? submitted = null;
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.OnValidSubmit, d => submitted = d));
        InputAt(form, "CostCentre").Change("CC-0042");
        InputAt(form, "CostCentre").Change("");
        FillValidExpense(form);

        form.Find("form").Submit();

        Assert.Equal("""{"Department":"FIN","EndDate":"2026-03-03","Lines":[{"Amount":420,"Item":"Train"}],"StartDate":"2026-03-01","Total":420}""", Json(submitted!));
        Assert.Empty(form.FindAll("[data-error-summary]"));
    }

    [Fact]
    public void Hidden_fields_are_left_out_of_the_submitted_data()
    {
        ImmutableDictionary<string, object?>? submitted = null;
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.OnValidSubmit, d => submitted = d));
        FillValidExpense(form);
        InputAt(form, "Lines[0].Amount").Input("1500");
        InputAt(form, "Justification").Change("Conference");
        InputAt(form, "Lines[0].Amount").Input("420");

        form.Find("form").Submit();

        Assert.False(submitted!.ContainsKey("Justification"));
    }

    [Fact]
    public void The_submit_button_carries_the_given_label_and_can_be_left_out()
    {
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.SubmitLabel, "Send for approval"));
        Assert.Equal("Send for approval", form.Find("button[data-submit]").TextContent.Trim());

        form.Render(p => p.Add(f => f.ShowSubmit, false));
        Assert.Empty(form.FindAll("button[data-submit]"));
    }

    [Fact]
    public async Task A_host_button_can_submit_through_SubmitAsync()
    {
        ImmutableDictionary<string, object?>? submitted = null;
        var form = RenderForm(Schemas.Expense(), p => p.Add(f => f.OnValidSubmit, d => submitted = d).Add(f => f.ShowSubmit, false));
        FillValidExpense(form);

        var valid = await form.InvokeAsync(() => form.Instance.SubmitAsync());

        Assert.True(valid);
        Assert.Equal("FIN", submitted!["Department"]);
    }
}
