using AngleSharp.Dom;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.TicketTypes;
using Microsoft.AspNetCore.Components.Web;

namespace LowCode.Designer.Tests.Properties;

public sealed class ExpressionEditorTests : DesignerTest
{
    private readonly List<string?> _reported = [];

    private async Task<IRenderedComponent<ExpressionEditor>> RenderEditorAsync(string? value, Type? resultType = null, bool template = false)
    {
        var session = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());
        return Render<ExpressionEditor>(p => p
            .Add(e => e.Session, session)
            .Add(e => e.Id, "condition")
            .Add(e => e.Label, "When")
            .Add(e => e.Value, value)
            .Add(e => e.ResultType, resultType ?? typeof(bool))
            .Add(e => e.Template, template)
            .Add(e => e.ValueChanged, (string? v) => _reported.Add(v)));
    }

    private static IElement TextBox(IRenderedComponent<ExpressionEditor> editor) => editor.Find("textarea#condition");

    private static string[] Offered(IRenderedComponent<ExpressionEditor> editor) =>
        editor.FindAll("[role=listbox] [role=option]").Select(o => o.GetAttribute("data-completion")!).ToArray();

    [Fact]
    public async Task The_text_box_is_the_labelled_input_and_the_highlight_behind_it_is_hidden_from_assistive_technology()
    {
        var editor = await RenderEditorAsync("form.Amount > 5000");

        Assert.Equal("condition", editor.Find("label").GetAttribute("for"));
        Assert.Equal("form.Amount > 5000", TextBox(editor).GetAttribute("value"));
        var highlight = editor.Find("pre.expression-highlight");
        Assert.Equal("true", highlight.GetAttribute("aria-hidden"));
        Assert.Equal("form", highlight.QuerySelector(".token-context")!.TextContent);
        Assert.Equal("Amount", highlight.QuerySelector(".token-member")!.TextContent);
        Assert.Equal("5000", highlight.QuerySelector(".token-number")!.TextContent);
        Assert.Equal("false", TextBox(editor).GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task After_form_dot_it_offers_the_form_fields_filtered_by_what_is_typed_and_Enter_inserts_the_chosen_one()
    {
        var editor = await RenderEditorAsync(null);

        TextBox(editor).Input("form.");
        var offered = Offered(editor);
        Assert.Equal(["Amount", "Department", "EndDate", "Lines", "Purpose", "Receipts", "StartDate"], offered.Order().ToArray());
        var list = editor.Find("[role=listbox]");
        Assert.Equal(list.Id, TextBox(editor).GetAttribute("aria-controls"));
        Assert.Equal(editor.Find("[role=option][aria-selected=true]").Id, TextBox(editor).GetAttribute("aria-activedescendant"));

        TextBox(editor).Input("form.Am");
        Assert.Equal(["Amount"], Offered(editor));

        TextBox(editor).KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Empty(editor.FindAll("[role=listbox]"));
        Assert.Equal("form.Amount", TextBox(editor).GetAttribute("value"));
        Assert.Equal(["form.Amount"], _reported);
    }

    [Fact]
    public async Task Arrow_keys_move_through_the_list_and_Escape_closes_it()
    {
        var editor = await RenderEditorAsync(null);

        TextBox(editor).Input("vars.total > 0 && form.");
        var first = editor.Find("[role=option][aria-selected=true]").GetAttribute("data-completion");
        TextBox(editor).KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        var second = editor.Find("[role=option][aria-selected=true]");
        var (secondName, secondId) = (second.GetAttribute("data-completion"), second.Id);
        Assert.NotEqual(first, secondName);
        Assert.Equal(secondId, TextBox(editor).GetAttribute("aria-activedescendant"));

        TextBox(editor).KeyDown(new KeyboardEventArgs { Key = "Tab" });
        Assert.Equal($"vars.total > 0 && form.{secondName}", TextBox(editor).GetAttribute("value"));

        TextBox(editor).Input("ticket.");
        Assert.Contains("Priority", Offered(editor));
        TextBox(editor).KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(editor.FindAll("[role=listbox]"));
    }

    [Fact]
    public async Task Variables_and_agent_properties_complete_too()
    {
        var editor = await RenderEditorAsync(null);

        TextBox(editor).Input("vars.");
        Assert.Equal(["total"], Offered(editor));
        TextBox(editor).Input("agent.S");
        Assert.Equal(["Sites", "SkillLevels", "Skills"], Offered(editor).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task An_incomplete_expression_shows_the_compiler_error_with_line_and_column_as_the_analyst_types_and_clears_when_fixed()
    {
        var editor = await RenderEditorAsync(null);

        TextBox(editor).Input("form.Amount >");
        var error = editor.Find("[data-expression-error=condition]");
        var at = error.QuerySelector(".at")!;
        Assert.Equal("1", at.GetAttribute("data-line"));
        Assert.True(int.Parse(at.GetAttribute("data-column")!) > 1);
        Assert.Contains($"1:{at.GetAttribute("data-column")}", error.TextContent);
        Assert.Equal("true", TextBox(editor).GetAttribute("aria-invalid"));
        Assert.Equal(error.Id, TextBox(editor).GetAttribute("aria-describedby"));

        TextBox(editor).Input("form.Amount > 5000");
        Assert.Empty(editor.FindAll("[data-expression-error]"));
        Assert.Equal("false", TextBox(editor).GetAttribute("aria-invalid"));
        Assert.Empty(_reported);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_an_error()
    {
        var editor = await RenderEditorAsync(null, typeof(bool));

        TextBox(editor).Input("form.Amount");

        Assert.NotEmpty(editor.FindAll("[data-expression-error=condition] .expression-error"));
    }

    [Fact]
    public async Task An_unknown_field_is_an_error_at_its_position()
    {
        var editor = await RenderEditorAsync("vars.total > 0 &&\n  form.Nope", typeof(bool));

        var at = editor.Find("[data-expression-error=condition] .at");
        Assert.Equal("2", at.GetAttribute("data-line"));
    }

    [Fact]
    public async Task The_value_is_reported_on_change()
    {
        var editor = await RenderEditorAsync("form.Amount > 1");

        TextBox(editor).Change("form.Amount > 2");
        TextBox(editor).Change("");

        Assert.Equal(["form.Amount > 2", null], _reported);
    }

    [Fact]
    public async Task A_template_checks_each_hole_and_completes_only_inside_one()
    {
        var editor = await RenderEditorAsync("Expense {{ vars.total }} approved", template: true);
        Assert.Empty(editor.FindAll("[data-expression-error]"));
        Assert.NotNull(editor.Find("pre .token-hole"));

        TextBox(editor).Input("Expense form.");
        Assert.Empty(editor.FindAll("[role=listbox]"));
        TextBox(editor).Input("Expense {{ form.Nope }}");
        Assert.NotEmpty(editor.FindAll("[data-expression-error]"));
        TextBox(editor).Input("Expense {{ form.");
        Assert.Contains("Amount", Offered(editor));
    }
}
