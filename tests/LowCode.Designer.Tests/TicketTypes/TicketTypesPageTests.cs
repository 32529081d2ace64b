using System.Text.Json;
using LowCode.Designer.TicketTypes;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests.TicketTypes;

public sealed class TicketTypesPageTests : DesignerTest
{
    [Fact]
    public async Task Lists_types_by_category_with_their_status_and_filters_by_search()
    {
        await Backend.CreateAsync(ReferenceTicketTypes.ExpenseApproval(), "analyst");
        await Backend.CreateAsync(ReferenceTicketTypes.EquipmentRepair(), "analyst");
        await Backend.PublishAsync("equipment-repair", "analyst");

        var page = Render<TicketTypesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr[data-ticket-type]").Count));
        Assert.Equal("published", page.Find("tr[data-ticket-type=equipment-repair]").GetAttribute("data-status"));
        Assert.Equal("draft", page.Find("tr[data-ticket-type=expense-approval]").GetAttribute("data-status"));
        Assert.Equal(2, page.FindAll("tbody[data-category]").Count);
        Assert.Empty(page.FindAll("tr[data-ticket-type=equipment-repair] [data-action=delete]")); // published: never deleted

        page.Find("[data-field=type-search]").Input("expense");
        Assert.Equal(["expense-approval"], page.FindAll("tr[data-ticket-type]").Select(r => r.GetAttribute("data-ticket-type")));
    }

    [Fact]
    public void Creating_a_type_makes_a_valid_draft_from_start_to_end_and_opens_it()
    {
        var page = Render<TicketTypesPage>();
        page.WaitForAssertion(() => page.Find("[data-action=new-type]"));

        page.Find("[data-action=new-type]").Click();
        page.Find("[data-field=new-key]").Change("desk-move");
        page.Find("[data-field=new-name]").Change("搬桌子 Desk move");
        page.Find("[data-field=new-category]").Change("Facilities");
        page.Find("[data-form=new-type]").Submit();

        var draft = Backend.Drafts["desk-move"];
        Assert.Equal(("搬桌子 Desk move", "Facilities"), (draft.Definition.Name, draft.Definition.Category));
        Assert.Equal(["start", "end"], draft.Definition.Workflow.Nodes.Select(n => n.Id));
        Assert.DoesNotContain(draft.Problems!, p => p.Severity == ProblemSeverity.Error);
        Assert.EndsWith("/designer/types/desk-move", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_key_is_refused_with_the_reason()
    {
        var page = Render<TicketTypesPage>();
        page.WaitForElement("[data-action=new-type]").Click();

        page.Find("[data-field=new-key]").Change("Desk Move");
        page.Find("[data-form=new-type]").Submit();

        Assert.Empty(Backend.Drafts);
        Assert.Contains("lower-case", page.Find("[data-designer-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicating_copies_the_definition_under_a_new_key_as_a_draft()
    {
        await Backend.CreateAsync(ReferenceTicketTypes.EquipmentRepair(), "analyst");
        await Backend.PublishAsync("equipment-repair", "analyst");
        var page = Render<TicketTypesPage>();

        page.WaitForElement("tr[data-ticket-type=equipment-repair] [data-action=duplicate]").Click();
        page.Find("[data-field=duplicate-key]").Change("it-repair");
        page.Find("[data-action=confirm-duplicate]").Click();

        var copy = Backend.Drafts["it-repair"];
        Assert.Null(copy.LatestVersion);
        Assert.Equal("it-repair", copy.Definition.Workflow.Key);
        Assert.Equal(ReferenceTicketTypes.EquipmentRepair().Workflow.Nodes.Count, copy.Definition.Workflow.Nodes.Count);
        page.WaitForAssertion(() => Assert.Equal("draft", page.Find("tr[data-ticket-type=it-repair]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task A_never_published_draft_is_deleted_after_confirming()
    {
        await Backend.CreateAsync(ReferenceTicketTypes.ExpenseApproval(), "analyst");
        var page = Render<TicketTypesPage>();

        page.WaitForElement("tr[data-ticket-type=expense-approval] [data-action=delete]").Click();
        Assert.True(Backend.Drafts.ContainsKey("expense-approval"));
        page.Find("tr[data-ticket-type=expense-approval] [data-action=confirm-delete]").Click();

        Assert.False(Backend.Drafts.ContainsKey("expense-approval"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-empty=ticket-types]")));
    }

    [Fact]
    public void Importing_a_file_creates_the_draft_and_shows_its_problems_and_a_broken_file_says_where()
    {
        var page = Render<TicketTypesPage>();
        page.WaitForAssertion(() => page.Find("[data-field=type-search]"));
        var definition = NewTicketType.Minimal("imported", "", "Misc", "Details");

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText(JsonSerializer.Serialize(definition, LowCodeJson.Options), "imported.tickettype.json"));

        Assert.True(Backend.Drafts.ContainsKey("imported"));
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-list=import-problems] li"), li => li.GetAttribute("data-path") == "name"));

        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("{ \"key\": ", "broken.json"));
        page.WaitForAssertion(() => Assert.Contains("line", page.Find("[data-designer-message].error").TextContent, StringComparison.Ordinal));
    }
}
