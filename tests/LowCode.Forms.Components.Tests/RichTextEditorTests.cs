using LowCode.Forms.Components.Fields;

namespace LowCode.Forms.Components.Tests;

/// <summary>The rich-text field: a labelled multi-line textbox with a formatting toolbar; read-only it shows only cleaned HTML.</summary>
public sealed class RichTextEditorTests : FormTest
{
    private static readonly Schema.FormSchema Notes = Schemas.Parse("""
    { "sections": [ { "fields": [ { "key": "Notes", "label": "Notes", "type": "richText", "required": true, "placeholder": "What happened" } ] } ] }
    """);

    [Fact]
    public void The_editor_is_a_labelled_multi_line_textbox_with_a_toolbar_of_buttons()
    {
        var form = RenderForm(Notes);

        var editor = form.Find("[data-path=Notes][role=textbox]");
        Assert.Equal("true", editor.GetAttribute("aria-multiline"));
        Assert.Equal("true", editor.GetAttribute("contenteditable"));
        Assert.Equal("Notes", form.Find($"#{editor.GetAttribute("aria-labelledby")}").TextContent.Trim().TrimEnd('*').Trim());
        var toolbar = form.Find("[role=toolbar]");
        Assert.Equal(editor.Id, toolbar.GetAttribute("aria-controls"));
        Assert.Equal(["bold", "italic", "insertUnorderedList", "insertOrderedList", "createLink"], toolbar.QuerySelectorAll("button[data-command]").Select(b => b.GetAttribute("data-command")));
        Assert.All(toolbar.QuerySelectorAll("button"), b => Assert.False(string.IsNullOrEmpty(b.GetAttribute("aria-label"))));
    }

    [Fact]
    public void Typed_html_is_the_value_and_the_clean_data_holds_only_the_allow_list()
    {
        var form = RenderForm(Notes);

        form.InvokeAsync(() => form.FindComponent<RichTextEditor>().Instance.HtmlChanged("<p onclick=\"steal()\">Call <b>me</b></p><script>x()</script>", committed: true));

        Assert.Equal("<p>Call <b>me</b></p>", form.Instance.Result!.CleanData["Notes"]);
        Assert.Empty(form.FindAll("div.gf-field[data-path=Notes] .gf-error"));
    }

    [Fact]
    public void Html_without_text_counts_as_empty()
    {
        var form = RenderForm(Notes);

        form.InvokeAsync(() => form.FindComponent<RichTextEditor>().Instance.HtmlChanged("<p><br></p>", committed: true));

        Assert.Equal(["Notes is required."], ErrorsAt(form, "Notes"));
    }

    [Fact]
    public void Read_only_shows_the_cleaned_html_and_nothing_else()
    {
        var form = RenderForm(Notes, p => p.Add(f => f.ReadOnly, true)
            .Add(f => f.InitialData, Data("""{ "Notes": "<p>Fixed <em>today</em></p><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a>" }""")));

        var shown = form.Find("[data-path=Notes][role=textbox]");
        Assert.Equal("true", shown.GetAttribute("aria-readonly"));
        Assert.Equal("<p>Fixed <em>today</em></p><a>x</a>", shown.InnerHtml);
        Assert.Empty(form.FindAll("[role=toolbar]"));
    }
}
