using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.TicketTypes.FormDesign;
using LowCode.Designer.Tests.Support;
using LowCode.Forms.Schema;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.Tests.FormDesign;

public sealed class FormDesignerTests : DesignerTest
{
    private async Task<(DesignerSession Session, IRenderedComponent<FormDesigner> Designer)> RenderAsync()
    {
        var session = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());
        return (session, Render<FormDesigner>(p => p.Add(d => d.Session, session)));
    }

    private static List<string> Keys(FormSection section) => [.. section.Fields.Select(f => f.Key)];

    [Fact]
    public async Task Clicking_a_palette_field_appends_it_to_the_selected_section_and_selects_it()
    {
        var (session, designer) = await RenderAsync();
        var before = Keys(session.Definition.Form.Sections[0]);
        session.Select(new FieldSelection("", "sections[0]"));

        designer.Find("[data-palette-field=money]").Click();

        var section = session.Definition.Form.Sections[0];
        Assert.Equal([.. before, "Money1"], Keys(section));
        Assert.Equal(FieldType.Money, section.Fields[^1].Type);
        Assert.Equal("CNY", section.Fields[^1].Currency);
        Assert.Equal(new FieldSelection("", $"sections[0].fields[{before.Count}]"), session.Selection);
        Assert.Equal("Money1", designer.Find("[data-panel=field-properties]").GetAttribute("data-field-key"));
    }

    [Fact]
    public async Task Dropping_a_palette_field_on_a_section_appends_it_there_and_on_a_field_inserts_it_before()
    {
        var (session, designer) = await RenderAsync();
        var costs = Keys(session.Definition.Form.Sections[1]);

        designer.Find("[data-palette-field=text]").DragStart();
        designer.Find("[data-drop-section='1']").Drop();
        designer.Find("[data-palette-field=checkbox]").DragStart();
        designer.Find($"[data-form-field={costs[0]}]").Drop();

        Assert.Equal(["Checkbox1", .. costs, "Text1"], Keys(session.Definition.Form.Sections[1]));
    }

    [Fact]
    public async Task Dragging_a_field_onto_another_reorders_and_the_arrow_buttons_do_the_same_by_keyboard()
    {
        var (session, designer) = await RenderAsync();
        Assert.Equal(["Department", "Purpose", "StartDate", "EndDate"], Keys(session.Definition.Form.Sections[0]));

        designer.Find("[data-form-field=EndDate]").DragStart();
        designer.Find("[data-form-field=Purpose]").Drop();
        Assert.Equal(["Department", "EndDate", "Purpose", "StartDate"], Keys(session.Definition.Form.Sections[0]));

        designer.Find("[data-form-field=Department] [data-action=field-down]").Click();
        Assert.Equal(["EndDate", "Department", "Purpose", "StartDate"], Keys(session.Definition.Form.Sections[0]));

        designer.Find("[data-form-field=EndDate] [data-action=field-up]").Click();
        Assert.Equal(["EndDate", "Department", "Purpose", "StartDate"], Keys(session.Definition.Form.Sections[0])); // first of the first section stays
        designer.Find("[data-form-field=StartDate] [data-action=field-down]").Click(); // last of a section moves into the next
        Assert.Equal("StartDate", session.Definition.Form.Sections[1].Fields[0].Key);
    }

    [Fact]
    public async Task Editing_a_property_changes_the_definition_as_one_undoable_step_and_the_preview_follows()
    {
        var (session, designer) = await RenderAsync();
        designer.Find("[data-form-field=Purpose] [data-action=select-field]").Click();

        designer.Find("[data-prop=label]").Change("出差事由 Trip purpose");
        designer.Find("[data-prop=maxLength]").Change("80");
        designer.Find("[data-prop=required]").Change(false);

        var purpose = session.Definition.Form.Sections[0].Fields[1];
        Assert.Equal(("出差事由 Trip purpose", 80, false), (purpose.Label, purpose.MaxLength, purpose.Required));
        designer.WaitForAssertion(() => Assert.Contains("出差事由 Trip purpose", designer.Find("[data-panel=form-preview] [data-field=Purpose]").TextContent));

        session.Undo();
        Assert.True(session.Definition.Form.Sections[0].Fields[1].Required);
        session.Undo();
        session.Undo();
        Assert.Equal("事由 Purpose", session.Definition.Form.Sections[0].Fields[1].Label);
        designer.WaitForAssertion(() => Assert.Equal("事由 Purpose", designer.Find("[data-panel=field-properties] [data-prop=label]").GetAttribute("value")));
    }

    [Fact]
    public async Task The_preview_renders_a_field_added_from_the_palette()
    {
        var (_, designer) = await RenderAsync();

        designer.Find("[data-palette-field=money]").Click();

        designer.WaitForAssertion(() => Assert.NotNull(designer.Find("[data-panel=form-preview] [data-field=Money1] input")));
    }

    [Fact]
    public async Task A_bad_visibility_rule_shows_its_problem_under_the_field_and_the_problem_list_selects_the_field()
    {
        var (session, designer) = await RenderAsync();
        designer.Find("[data-form-field=Purpose] [data-action=select-field]").Click();

        designer.Find("#fd-prop-visibleWhen").Change("form.NoSuchField > 1");

        var problem = Assert.Single(session.Problems, p => p.Path == "form.sections[0].fields[1].visibleWhen");
        designer.WaitForAssertion(() => Assert.Contains(designer.FindAll("[data-list=field-problems] li"), li => li.GetAttribute("data-path") == problem.Path));
        Assert.Contains("has-problem", designer.Find("[data-form-field=Purpose]").ClassList);

        session.Select(new FieldSelection("", "sections[0]"));
        session.Select(DesignerSelection.Of(problem));
        designer.WaitForAssertion(() => Assert.Equal("Purpose", designer.Find("[data-panel=field-properties]").GetAttribute("data-field-key")));
    }

    [Fact]
    public async Task Task_forms_are_added_edited_through_the_picker_and_removed()
    {
        var (session, designer) = await RenderAsync();

        designer.Find("[data-field=new-task-form]").Change("review");
        designer.Find("[data-action=add-task-form]").Click();
        designer.Find("[data-palette-field=multiLineText]").Click();

        var review = session.Definition.TaskForms["review"];
        Assert.Equal(FieldType.MultiLineText, Assert.Single(review.AllFields()).Type);
        Assert.DoesNotContain(session.Definition.Form.AllFields(), f => f.Key == "MultiLineText1");
        Assert.Equal("review", designer.Find("[data-panel=form-designer]").GetAttribute("data-form"));

        designer.Find("[data-field=form-picker]").Change("");
        Assert.Equal("", designer.Find("[data-panel=form-designer]").GetAttribute("data-form"));
        designer.Find("[data-field=form-picker]").Change("review");
        designer.Find("[data-action=remove-task-form]").Click();
        Assert.Empty(session.Definition.TaskForms);
    }

    [Fact]
    public async Task Sections_are_added_renamed_given_columns_and_removed()
    {
        var (session, designer) = await RenderAsync();
        var count = session.Definition.Form.Sections.Count;

        designer.Find("[data-action=add-section]").Click();
        designer.Find($"[data-section-index='{count}'] [data-field=section-title]").Change("审批意见 Notes");
        designer.Find($"[data-section-index='{count}'] [data-field=section-columns]").Change("3");

        var section = session.Definition.Form.Sections[^1];
        Assert.Equal(("审批意见 Notes", 3), (section.Title, section.Columns));
        designer.Find($"[data-section-index='{count}'] [data-action=remove-section]").Click();
        Assert.Equal(count, session.Definition.Form.Sections.Count);
    }

    [Fact]
    public void Paths_name_the_section_and_field_they_point_into()
    {
        Assert.Equal(new FormPath(0, 3), FormPath.Parse("sections[0].fields[3].visibleWhen"));
        Assert.Equal(new FormPath(2, null), FormPath.Parse("sections[2].title"));
        Assert.Null(FormPath.Parse("rules[0].expression"));
        Assert.True(new FormPath(0, 3).Contains("sections[0].fields[3].columns[1].key"));
        Assert.False(new FormPath(0, 3).Contains("sections[0].fields[31]"));
    }
}
