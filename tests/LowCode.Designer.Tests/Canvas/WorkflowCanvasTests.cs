using Blazor.Diagrams.Core.Geometry;
using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Tests.Canvas;

/// <summary>The canvas component as the browser gets it: a widget per step, the palette, the toolbar, the read-only view.</summary>
public sealed class WorkflowCanvasTests : BunitContext
{
    public WorkflowCanvasTests()
    {
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The diagram asks the browser for its box once; everything else about steps and ports is computed.
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1200, 800));
    }

    [Fact]
    public async Task Renders_a_widget_for_every_step_with_its_ports_and_a_link_for_every_connection()
    {
        var session = await CanvasHarness.OpenSessionAsync(ReferenceTicketTypes.EquipmentRepair());

        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Session, session));

        var workflow = session.Definition.Workflow;
        foreach (var node in workflow.Nodes)
        {
            var widget = canvas.Find($"[data-node-id='{node.Id}']");
            Assert.Equal(node.Kind, widget.QuerySelector("[data-node-kind]")!.GetAttribute("data-node-kind"));
            Assert.Equal(node.Name, widget.QuerySelector("[data-field=node-name]")!.TextContent);
            Assert.Equal(node.OutcomePorts().Prepend(Ports.In), widget.QuerySelectorAll("[data-port]").Select(p => p.GetAttribute("data-port")));
        }
        Assert.Equal(workflow.Connections.Count, canvas.FindAll("g[data-link]").Count);
        Assert.Contains("Rule technician-by-skill-region", canvas.Find("[data-node-id=repair] [data-field=assignee]").TextContent);
        Assert.NotNull(canvas.Find("[data-panel=node-properties]"));
    }

    [Fact]
    public async Task The_palette_lists_every_kind_and_clicking_one_adds_that_step()
    {
        var session = await CanvasHarness.OpenSessionAsync(ReferenceTicketTypes.ExpenseApproval());
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Session, session));

        Assert.Equal(NodeKinds.All, canvas.FindAll("[data-palette-kind]").Select(e => e.GetAttribute("data-palette-kind")));

        canvas.Find("[data-palette-kind=userTask]").Click();

        canvas.WaitForAssertion(() => Assert.NotNull(canvas.Find("[data-node-id=userTask1] [data-node-kind=userTask]")));
        Assert.Equal(new NodeSelection(["userTask1"]), session.Selection);
    }

    [Fact]
    public async Task A_step_dropped_from_the_palette_lands_where_it_was_dropped()
    {
        var session = await CanvasHarness.OpenSessionAsync(ReferenceTicketTypes.ExpenseApproval());
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Session, session));

        canvas.Find("[data-palette-kind=timer]").DragStart();
        canvas.Find("[data-canvas-surface]").Drop(new Microsoft.AspNetCore.Components.Web.DragEventArgs { ClientX = 500, ClientY = 300 });

        var at = session.Definition.Workflow.Layout.Nodes["timer1"];
        Assert.Equal(new Position(500 - NodeGeometry.Width / 2, 280), at);
        canvas.WaitForAssertion(() => Assert.NotNull(canvas.Find("[data-node-id=timer1]")));
    }

    [Fact]
    public async Task Read_only_shows_no_palette_no_editing_tools_and_marks_the_test_run()
    {
        var session = await CanvasHarness.OpenSessionAsync(ReferenceTicketTypes.EquipmentRepair());
        var canvas = Render<WorkflowCanvas>(p => p.Add(c => c.Session, session).Add(c => c.ReadOnly, true));

        session.ShowRun(new RunHighlight(new HashSet<string> { "report" }, new HashSet<string> { "acknowledge" }, new HashSet<int> { 0 }));

        Assert.Empty(canvas.FindAll("[data-palette-kind]"));
        Assert.Empty(canvas.FindAll("[data-action=delete]"));
        Assert.Empty(canvas.FindAll("[data-panel=node-properties]"));
        canvas.WaitForAssertion(() => Assert.Equal("current", canvas.Find("[data-node-id=acknowledge] [data-node-kind]").GetAttribute("data-run")));
        Assert.Equal("visited", canvas.Find("[data-node-id=report] [data-node-kind]").GetAttribute("data-run"));
        Assert.Single(canvas.FindAll("g[data-taken=true]"));
    }
}
