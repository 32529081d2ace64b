using AngleSharp.Dom;
using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Tests;

/// <summary>Every input is labelled and described, problems are announced, and tables have headers and named buttons.</summary>
public sealed class AccessibilityTests : FormTest
{
    public static TheoryData<string> EveryKey() => [.. Schemas.EveryFieldType().AllFields().Select(f => f.Key)];

    private IRenderedComponent<GeneratedForm> RenderEveryType() =>
        RenderForm(Schemas.EveryFieldType(), p => p.Add(f => f.Uploader, new FakeUploader()));

    /// <summary>Native inputs, and the rich-text field's contenteditable textbox.</summary>
    private static IReadOnlyList<IElement> Controls(IElement wrapper) => wrapper.QuerySelectorAll("input, select, textarea, [role=textbox]").ToList();

    [Fact]
    public void There_is_a_field_of_every_type_under_test() =>
        Assert.Equal(Enum.GetValues<FieldType>().Order(), Schemas.EveryFieldType().AllFields().Select(f => f.Type).Order());

    [Theory]
    [MemberData(nameof(EveryKey))]
    public void Every_input_of_every_field_type_has_a_label_an_id_and_aria_state(string key)
    {
        var form = RenderEveryType();
        var wrapper = FieldAt(form, key);

        Assert.Equal(key, wrapper.GetAttribute("data-field"));
        var name = wrapper.QuerySelector($"label#{wrapper.QuerySelector("[id$='-label']")!.Id}, legend")!;
        Assert.StartsWith(key, name.TextContent.Trim());
        Assert.NotEmpty(Controls(wrapper));
        Assert.All(Controls(wrapper), control =>
        {
            Assert.False(string.IsNullOrEmpty(control.Id));
            Assert.Single(form.FindAll($"label[for='{control.Id}']"));
            Assert.NotNull(control.GetAttribute("aria-invalid"));
            Assert.StartsWith(key, control.GetAttribute("data-path"));
        });
    }

    [Theory]
    [MemberData(nameof(EveryKey))]
    public void Help_text_is_tied_to_the_field_by_aria_describedby(string key)
    {
        var form = RenderEveryType();
        var wrapper = FieldAt(form, key);
        var help = wrapper.QuerySelector(".gf-help")!;

        Assert.Equal($"Help for {key}", help.TextContent);
        var described = wrapper.QuerySelectorAll("[aria-describedby]").First();
        Assert.Contains(help.Id, described.GetAttribute("aria-describedby")!.Split(' '));
    }

    [Theory]
    [MemberData(nameof(EveryKey))]
    public void After_a_failed_submit_each_field_is_marked_invalid_and_described_by_its_live_error_text(string key)
    {
        var form = RenderEveryType();
        form.Find("form").Submit();
        var wrapper = FieldAt(form, key);
        var errors = wrapper.QuerySelectorAll(".gf-errors").Where(e => e.QuerySelector(".gf-error") is not null).ToList();

        Assert.NotEmpty(errors); // for Parts: the empty cell of its first row
        Assert.All(errors, error =>
        {
            Assert.Equal("polite", error.GetAttribute("aria-live"));
            var described = wrapper.QuerySelectorAll("[aria-describedby]").Where(e => e.GetAttribute("aria-describedby")!.Split(' ').Contains(error.Id)).ToList();
            Assert.NotEmpty(described);
            Assert.Contains(described.Concat(described.SelectMany(d => Controls(d))), c => c.GetAttribute("aria-invalid") == "true");
        });
        Assert.Equal("assertive", form.Find(".gf-summary-region").GetAttribute("aria-live"));
    }

    [Fact]
    public void The_repeating_group_table_has_column_and_row_headers_and_named_buttons()
    {
        var form = RenderForm(Schemas.Expense());
        var table = form.Find("table.gf-table");

        Assert.Equal(["No.", "Item", "Amount", "Actions"], table.QuerySelectorAll("thead th[scope=col]").Select(h => h.TextContent.Replace("*", "").Trim()));
        Assert.Equal("1", table.QuerySelector("tbody th[scope=row]")!.TextContent);
        Assert.Equal("Expense lines", form.Find($"#{table.GetAttribute("aria-labelledby")}").TextContent.Replace("*", "").Replace("(Required)", "").Trim());
        Assert.Equal("Amount, row 1", form.Find($"label[for='{InputAt(form, "Lines[0].Amount").Id}']").TextContent.Replace("*", "").Trim());
        Assert.Equal("Remove row 1 of Expense lines", form.Find("[data-remove-row='0']").GetAttribute("aria-label"));
        Assert.Equal("Add row to Expense lines", form.Find("[data-add-row]").GetAttribute("aria-label"));
        Assert.All(form.FindAll("button"), b => Assert.NotNull(b.GetAttribute("type")));
    }

    [Fact]
    public void Required_inputs_say_so_and_money_inputs_are_described_by_their_currency()
    {
        var form = RenderForm(Schemas.Expense());

        Assert.Equal("true", InputAt(form, "Department").GetAttribute("aria-required"));
        Assert.Null(InputAt(form, "CostCentre").GetAttribute("aria-required"));
        var amount = InputAt(form, "Lines[0].Amount");
        var currency = form.Find($"#{amount.GetAttribute("aria-describedby")}");
        Assert.Equal("CNY", currency.TextContent);
    }

    [Fact]
    public void Element_ids_are_unique_and_follow_the_id_prefix()
    {
        var form = RenderForm(Schemas.EveryFieldType(), p => p.Add(f => f.IdPrefix, "task7"));
        var ids = form.FindAll("[id]").Select(e => e.Id!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("task7-", id));
    }
}
