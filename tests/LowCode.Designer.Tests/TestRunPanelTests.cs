using System.Globalization;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.TicketTypes.TestRun;
using LowCode.Designer.Tests.Support;
using LowCode.Forms.Components.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests;

/// <summary>The test run panel: sample data in, start, act on tasks and move the clock, and the path shown on the canvas.</summary>
public sealed class TestRunPanelTests : BunitContext
{
    private const string SmallExpense = """
        { "Department": "Production", "Purpose": "Customer visit", "StartDate": "2026-03-02", "EndDate": "2026-03-03",
          "Lines": [ { "Item": "taxi", "Category": "taxi", "Amount": 180 } ] }
        """;

    private const string ElectricalRepairInShanghai = """
        { "Asset": "Press #4", "Site": "SH", "Category": "electrical", "Description": "Motor trips" }
        """;

    public TestRunPanelTests()
    {
        Services.AddLocalization();
        Services.AddLowCodeFormComponents();
        Services.AddSingleton(new CalendarCatalog());
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The read-only canvas beside the panel asks the browser for its size once rendered.
        JSInterop.Setup<Blazor.Diagrams.Core.Geometry.Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true)
            .SetResult(new Blazor.Diagrams.Core.Geometry.Rectangle(0, 0, 1200, 800));
    }

    private async Task<(IRenderedComponent<TestRunPanel> Panel, DesignerSession Session)> Open(TicketTypeDefinition definition)
    {
        var backend = new FakeDesignerBackend();
        await backend.CreateAsync(definition, "analyst");
        var session = new DesignerSession((await backend.GetDraftAsync(definition.Key))!, backend, "analyst");
        return (Render<TestRunPanel>(p => p.Add(x => x.Session, session)), session);
    }

    private static void Start(IRenderedComponent<TestRunPanel> panel, string json, string? priority = null)
    {
        panel.Find("textarea[data-field='form-json']").Change(json);
        if (priority is not null) panel.Find("select[data-field='priority']").Change(priority);
        panel.Find("button[data-action='start']").Click();
    }

    [Fact]
    public async Task Completing_a_task_by_its_button_grows_the_log_and_moves_the_highlight()
    {
        var (panel, session) = await Open(ReferenceTicketTypes.ExpenseApproval());
        Assert.True(session.Run.IsEmpty);

        Start(panel, SmallExpense);

        Assert.Single(panel.FindAll("[data-step-log] li[data-step]"));
        Assert.Equal(["approve"], session.Run.Current);
        Assert.Contains("computeTotal", session.Run.Visited);
        var before = session.Run;

        panel.Find("[data-waiting-task] button[data-action='complete'][data-outcome='approve']").Click();

        Assert.Equal(2, panel.FindAll("[data-step-log] li[data-step]").Count);
        Assert.NotSame(before, session.Run);
        Assert.Equal(["pay"], session.Run.Current);
        Assert.Contains("notifyApproved", session.Run.Visited);
        var approved = session.Definition.Workflow.Connections.FindIndex(c => c.Source.Node == "approve" && c.Source.Port == "approved");
        Assert.Contains(approved, session.Run.Connections);
        Assert.Contains("Tell requester: approved", panel.Find("[data-step-log] li[data-step='2']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fast_forward_shows_the_escalations_that_fire()
    {
        var (panel, session) = await Open(ReferenceTicketTypes.EquipmentRepair());
        Start(panel, ElectricalRepairInShanghai, priority: "P2");
        var clock = panel.Find("[data-field='virtual-clock']").TextContent;

        panel.Find("button[data-action='advance'][data-by='1d']").Click();

        Assert.NotEqual(clock, panel.Find("[data-field='virtual-clock']").TextContent);
        var fired = panel.FindAll("[data-step-log] li[data-kind='TimerFired']");
        Assert.NotEmpty(fired);
        Assert.Contains(panel.FindAll("[data-step-log] li[data-entry='EscalationFired']"), e => e.TextContent.Contains("four-hours", StringComparison.Ordinal));
        Assert.Contains(panel.FindAll("[data-step-log] li[data-entry='Sla']"), e => e.TextContent.Contains("SLA breached", StringComparison.Ordinal));
        Assert.Contains("supervisor", session.Run.Current); // the breached escalation left by its port
        Assert.NotEmpty(panel.FindAll("[data-sla-clock] li[data-threshold].passed"));
    }

    [Fact]
    public async Task The_dispatch_decision_says_who_was_chosen_and_why()
    {
        var (panel, _) = await Open(ReferenceTicketTypes.EquipmentRepair());
        Start(panel, ElectricalRepairInShanghai);

        var decision = panel.Find("[data-waiting-task] [data-dispatch-decision]");
        Assert.Equal("assigned", decision.GetAttribute("data-outcome"));
        Assert.Contains("winner", decision.QuerySelector("tr[data-candidate='tech-wu']")!.ClassList);
        Assert.Contains("least loaded", decision.QuerySelector("[data-field='reason']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(decision.QuerySelector("tr[data-candidate='tech-chen']"));
    }

    [Fact]
    public async Task Fewer_agents_in_the_sample_pool_change_the_decision()
    {
        var (panel, _) = await Open(ReferenceTicketTypes.EquipmentRepair());
        panel.Find("tr[data-agent='tech-wu'] input[data-field='on-duty']").Change(false);

        Start(panel, ElectricalRepairInShanghai);

        var decision = panel.Find("[data-waiting-task] [data-dispatch-decision]");
        Assert.Contains("winner", decision.QuerySelector("tr[data-candidate='tech-li']")!.ClassList);
    }

    [Fact]
    public async Task Bad_sample_data_shows_the_validators_problems_and_starts_nothing()
    {
        var (panel, session) = await Open(ReferenceTicketTypes.EquipmentRepair());

        Start(panel, """{ "Site": "Mars" }""");

        var paths = panel.FindAll("[data-form-problems] li").Select(li => li.GetAttribute("data-path")).ToList();
        Assert.Contains("Asset", paths);
        Assert.Contains("Site", paths);
        Assert.Empty(panel.FindAll("[data-step-log]"));
        Assert.True(session.Run.IsEmpty);
    }

    [Fact]
    public async Task Reset_ends_the_run_and_clears_the_highlight()
    {
        var (panel, session) = await Open(ReferenceTicketTypes.ExpenseApproval());
        Start(panel, SmallExpense);
        Assert.False(session.Run.IsEmpty);

        panel.Find("button[data-action='reset']").Click();

        Assert.True(session.Run.IsEmpty);
        Assert.NotNull(panel.Find("[data-test-run-setup]"));
    }

    [Fact]
    public async Task The_panel_speaks_chinese_for_zh_CN()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var (panel, _) = await Open(ReferenceTicketTypes.ExpenseApproval());
            Start(panel, SmallExpense);

            Assert.Equal("试运行", panel.Find("h2").TextContent);
            Assert.Contains("到下一个截止时间", panel.Find("button[data-action='advance-next']").TextContent, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
