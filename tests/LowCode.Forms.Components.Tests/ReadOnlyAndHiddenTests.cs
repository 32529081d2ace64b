namespace LowCode.Forms.Components.Tests;

/// <summary>Read-only fields show their values without letting them change; hidden fields are not rendered.</summary>
public sealed class ReadOnlyAndHiddenTests : FormTest
{
    private const string TicketJson = """
    { "sections": [ { "key": "s", "fields": [
        { "key": "Reporter", "label": "Reporter", "type": "text", "readOnly": true, "defaultExpression": "requester.Name" },
        { "key": "Internal", "label": "Internal", "type": "text", "hidden": true },
        { "key": "Priority", "label": "Priority", "type": "radio", "options": { "items": [ { "value": "P1" }, { "value": "P2" } ] } },
        { "key": "Lines", "label": "Lines", "type": "repeatingGroup", "minRows": 1, "columns": [ { "key": "Item", "type": "text" } ] }
    ] } ] }
    """;

    private IRenderedComponent<GeneratedForm> Render(bool readOnlyForm = false) =>
        RenderForm(Schemas.Parse(TicketJson), p => p
            .Add(f => f.Context, new Validation.FormValidationContext { Requester = new("u-7", "Li Lei") })
            .Add(f => f.ReadOnly, readOnlyForm));

    [Fact]
    public void A_read_only_field_shows_its_default_and_cannot_be_edited()
    {
        var form = Render();

        var reporter = InputAt(form, "Reporter");
        Assert.Equal("Li Lei", reporter.GetAttribute("value"));
        Assert.True(reporter.HasAttribute("readonly"));
        Assert.Contains("gf-field-readonly", FieldAt(form, "Reporter").ClassList);
        Assert.False(InputAt(form, "Priority").HasAttribute("disabled"));
    }

    [Fact]
    public void A_hidden_field_is_not_rendered()
    {
        var form = Render();

        Assert.False(Shows(form, "Internal"));
        Assert.Empty(form.FindAll("[data-path='Internal']"));
    }

    [Fact]
    public void A_read_only_form_disables_every_input_and_has_no_submit_or_row_buttons()
    {
        var form = Render(readOnlyForm: true);

        Assert.True(InputAt(form, "Reporter").HasAttribute("readonly"));
        Assert.All(form.FindAll("input[type=radio]"), r => Assert.True(r.HasAttribute("disabled")));
        Assert.Empty(form.FindAll("button"));
        Assert.Empty(form.FindAll("tbody tr[data-row]"));
    }
}
