using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using static LowCode.Designer.Tests.Support.CanvasHarness;

namespace LowCode.Designer.Tests.Canvas;

public sealed class FlowDiagramMapperTests
{
    public static TheoryData<string> ReferenceTypes => ["equipment-repair", "expense-approval"];

    private static TicketTypeDefinition Reference(string key) =>
        key == "equipment-repair" ? ReferenceTicketTypes.EquipmentRepair() : ReferenceTicketTypes.ExpenseApproval();

    [Theory, MemberData(nameof(ReferenceTypes))]
    public void Drawing_a_reference_type_and_reading_it_back_loses_nothing(string key)
    {
        var definition = Reference(key);

        var diagram = FlowDiagramMapper.Build(definition, Text);

        Assert.Equal(Json(definition), Json(FlowDiagramMapper.ToDefinition(diagram, definition)));
    }

    [Theory, MemberData(nameof(ReferenceTypes))]
    public void Every_step_is_drawn_where_the_layout_puts_it_with_one_port_per_outcome_and_every_connection_linked(string key)
    {
        var workflow = Reference(key).Workflow;

        var diagram = FlowDiagramMapper.Build(Reference(key), Text);

        var models = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(n => n.Id);
        Assert.Equal(workflow.Nodes.Select(n => n.Id).Order(), models.Keys.Order());
        foreach (var node in workflow.Nodes)
        {
            var model = models[node.Id];
            Assert.Equal((workflow.Layout.Nodes[node.Id].X, workflow.Layout.Nodes[node.Id].Y), (model.Position.X, model.Position.Y));
            Assert.Equal(node.OutcomePorts(), model.Outcomes.Select(p => p.Name));
            Assert.True(model.Input.IsInput);
        }
        var links = diagram.Links.OfType<ConnectionLinkModel>().OrderBy(l => l.Index).ToList();
        Assert.Equal(workflow.Connections.Count, links.Count);
        Assert.All(links, l => Assert.Equal(
            (workflow.Connections[l.Index].Source.Node, workflow.Connections[l.Index].Source.Port, workflow.Connections[l.Index].Target.Node),
            (l.SourcePort.Node.Id, l.SourcePort.Name, l.TargetPort.Node.Id)));
    }

    [Fact]
    public void Links_say_their_action_branch_or_port()
    {
        var diagram = FlowDiagramMapper.Build(ReferenceTicketTypes.EquipmentRepair(), Text);

        string LabelOf(string from, string port) => diagram.Links.OfType<ConnectionLinkModel>().Single(l => l.SourcePort.Node.Id == from && l.SourcePort.Name == port).LabelText;

        Assert.Equal("Repaired", LabelOf("repair", "repaired"));
        Assert.Equal("Waiting for parts", LabelOf("repair", "needsParts"));
        Assert.Equal("escalated", LabelOf("repair", "escalated"));
        Assert.Equal("3 or more", LabelOf("tooManyReworks", "escalate"));
        Assert.Equal("otherwise", LabelOf("tooManyReworks", "default"));
        Assert.Equal("", LabelOf("report", "out"));
    }

    [Fact]
    public void Human_steps_show_their_assignee_and_time_limit()
    {
        var diagram = FlowDiagramMapper.Build(ReferenceTicketTypes.EquipmentRepair(), Text);
        var views = diagram.Nodes.OfType<FlowNodeModel>().ToDictionary(n => n.Id, n => n.View);

        Assert.Equal("Rule technician-by-skill-region · all agents · leastLoaded", views["repair"].Assignee);
        Assert.Equal("Due 8h (business) · 2 escalation(s)", views["repair"].Timing);
        Assert.Equal("role quality-inspector", views["qualityCheck"].Assignee);
        Assert.Equal("Wait 1d", views["waitForParts"].Timing);
        Assert.Null(views["report"].Assignee);
    }

    [Fact]
    public void A_flow_without_layout_is_auto_placed_on_screen_but_reads_back_without_invented_positions()
    {
        var definition = ReferenceTicketTypes.ExpenseApproval();
        definition = definition with { Workflow = definition.Workflow with { Layout = new DesignerLayout() } };

        var diagram = FlowDiagramMapper.Build(definition, Text);

        var positions = diagram.Nodes.Select(n => (n.Position.X, n.Position.Y)).ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(Json(definition), Json(FlowDiagramMapper.ToDefinition(diagram, definition)));
    }

    [Fact]
    public void A_connection_from_a_port_the_step_no_longer_has_is_drawn_on_a_stale_port_and_kept()
    {
        var definition = ReferenceTicketTypes.EquipmentRepair();
        var workflow = definition.Workflow;
        var repair = (UserTaskNode)workflow.FindNode("repair")!;
        var withoutAction = repair with { Actions = repair.Actions.Where(a => a.Key != "needsParts").ToList() };
        definition = definition with { Workflow = workflow with { Nodes = workflow.Nodes.Select(n => n.Id == "repair" ? withoutAction : n).ToList() } };

        var diagram = FlowDiagramMapper.Build(definition, Text);

        var stale = diagram.Nodes.OfType<FlowNodeModel>().Single(n => n.Id == "repair").Outcome("needsParts");
        Assert.True(stale!.IsStale);
        Assert.Single(stale.Links);
        Assert.Equal(Json(definition), Json(FlowDiagramMapper.ToDefinition(diagram, definition)));
    }

    [Fact]
    public void The_palette_offers_every_kind_of_step_and_each_creates_its_kind()
    {
        Assert.Equal(NodeKinds.All, NodePalette.All.Select(e => e.Kind));
        Assert.All(NodePalette.All, e => Assert.Equal(e.Kind, e.Create("x", "X").Kind));
        Assert.All(NodePalette.All, e => Assert.False(Text[e.Label].ResourceNotFound, e.Label));
    }
}
