using Blazor.Diagrams.Core.Geometry;
using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Designer.Tests.Support;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;
using static LowCode.Designer.Tests.Support.CanvasHarness;

namespace LowCode.Designer.Tests.Canvas;

/// <summary>What the analyst does on the diagram becomes one undoable edit of the working copy, and the diagram follows undo/redo.</summary>
public sealed class CanvasEditingTests
{
    [Fact]
    public async Task A_step_added_from_the_palette_gets_a_fresh_id_a_numbered_name_and_its_drop_position()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());

        var id = canvas.Canvas.AddNode(NodeKinds.Approval, new Point(300, 420));

        Assert.Equal("approval1", id);
        var node = Assert.IsType<ApprovalNode>(canvas.Definition.Workflow.FindNode("approval1"));
        Assert.Equal("审批 Approval 1", node.Name);
        Assert.Equal(new Position(300, 420), canvas.Definition.Workflow.Layout.Nodes["approval1"]);
        Assert.Equal(["approved", "rejected"], canvas.Node("approval1").Outcomes.Select(p => p.Name));
        Assert.Equal(new NodeSelection(["approval1"]), canvas.Session.Selection);

        Assert.Equal("approval2", canvas.Canvas.AddNode(NodeKinds.Approval, new Point(300, 600)));
        Assert.Equal("审批 Approval 2", canvas.Definition.Workflow.FindNode("approval2")!.Name);
    }

    [Fact]
    public async Task Dragging_from_an_outcome_port_onto_a_step_connects_them()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());
        var id = canvas.Canvas.AddNode(NodeKinds.UserTask, new Point(200, 600))!;
        var before = canvas.Definition.Workflow.Connections.Count;
        var port = canvas.Node(id).Outcome("done")!;

        canvas.Drag(port, canvas.OnScreen(port.MiddlePosition), 300, 50, releaseOn: canvas.Node("paid"));

        var connections = canvas.Definition.Workflow.Connections;
        Assert.Equal(before + 1, connections.Count);
        Assert.Equal(new Connection(new Endpoint(id, "done"), new Endpoint("paid")), connections[^1]);
        Assert.Single(canvas.Links, l => l.SourcePort == port);
        Assert.All(canvas.Canvas.Diagram.Links, l => Assert.IsType<ConnectionLinkModel>(l)); // the dragged link was replaced by the connection's
        Assert.Equal(before + 1, canvas.Links.Count);
    }

    [Fact]
    public async Task A_link_dropped_on_empty_canvas_or_from_an_input_port_changes_nothing()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.ExpenseApproval());
        var json = Json(canvas.Definition);
        var first = canvas.Definition.Workflow.Nodes[1].Id;
        var outcome = canvas.Node(first).Outcomes[0];

        canvas.Drag(outcome, canvas.OnScreen(outcome.MiddlePosition), 200, 300, releaseOn: null);
        canvas.Drag(canvas.Node(first).Input, canvas.OnScreen(canvas.Node(first).Input.MiddlePosition), 200, 0, releaseOn: canvas.Node("paid"));

        Assert.Equal(json, Json(canvas.Definition));
        Assert.False(canvas.Session.CanUndo);
        Assert.All(canvas.Canvas.Diagram.Links, l => Assert.IsType<ConnectionLinkModel>(l));
    }

    [Fact]
    public async Task Connecting_a_port_that_is_already_connected_moves_its_connection()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        var count = canvas.Definition.Workflow.Connections.Count;
        var port = canvas.Node("qualityCheck").Outcome("pass")!;

        canvas.Drag(port, canvas.OnScreen(port.MiddlePosition), 10, 300, releaseOn: canvas.Node("supervisor").Input);

        var connections = canvas.Definition.Workflow.Connections;
        Assert.Equal(count, connections.Count);
        Assert.Equal("supervisor", connections.Single(c => c.Source.Node == "qualityCheck" && c.Source.Port == "pass").Target.Node);
        Assert.Equal("supervisor", canvas.Links.Single(l => l.SourcePort == port).TargetPort.Node.Id);
    }

    [Fact]
    public async Task Moving_steps_writes_their_positions_as_one_step_and_undo_moves_them_back()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        var repair = canvas.Node("repair");
        var closed = canvas.Node("closed");
        canvas.Click(repair);
        canvas.Click(closed, ctrl: true);

        canvas.Drag(repair, canvas.OnScreen(repair.Position.Add(20, 20)), 100, 40, releaseOn: repair);

        var layout = canvas.Definition.Workflow.Layout.Nodes;
        Assert.Equal(new Position(520, 240), layout["repair"]);
        Assert.Equal(new Position(1120, 240), layout["closed"]);
        Assert.Equal(new Position(40, 200), layout["report"]);
        Assert.Equal(new NodeSelection(["repair", "closed"]), canvas.Session.Selection);

        canvas.Session.Undo();

        Assert.Equal((420d, 200d), (canvas.Node("repair").Position.X, canvas.Node("repair").Position.Y));
        Assert.Equal((1020d, 200d), (canvas.Node("closed").Position.X, canvas.Node("closed").Position.Y));
        Assert.False(canvas.Session.CanUndo);
    }

    [Fact]
    public async Task Deleting_a_step_removes_its_connections_and_undo_brings_everything_back()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        var original = Json(canvas.Definition);
        canvas.Click(canvas.Node("supervisor"));

        canvas.Canvas.DeleteSelection();

        var workflow = canvas.Definition.Workflow;
        Assert.Null(workflow.FindNode("supervisor"));
        Assert.DoesNotContain(workflow.Connections, c => c.Source.Node == "supervisor" || c.Target.Node == "supervisor");
        Assert.False(workflow.Layout.Nodes.ContainsKey("supervisor"));
        Assert.Equal(workflow.Connections.Count, canvas.Links.Count);
        Assert.DoesNotContain(canvas.Canvas.Diagram.Nodes, n => n.Id == "supervisor");

        canvas.Session.Undo();

        Assert.Equal(original, Json(canvas.Definition));
        Assert.Equal(original, Json(FlowDiagramMapper.ToDefinition(canvas.Canvas.Diagram, canvas.Definition)));
        Assert.Equal(canvas.Definition.Workflow.Connections.Count, canvas.Links.Count);
    }

    [Fact]
    public async Task Deleting_a_selected_link_removes_only_that_connection()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        var link = canvas.Links.Single(l => l.SourcePort.Node.Id == "repair" && l.SourcePort.Name == "needsParts");
        canvas.Click(link);
        Assert.Equal(new ConnectionSelection(link.Index), canvas.Session.Selection);

        canvas.Canvas.Diagram.TriggerKeyDown(new("Delete", "Delete", 0, false, false, false));

        Assert.DoesNotContain(canvas.Definition.Workflow.Connections, c => c.Source.Node == "repair" && c.Source.Port == "needsParts");
        Assert.Equal(ReferenceTicketTypes.EquipmentRepair().Workflow.Connections.Count - 1, canvas.Definition.Workflow.Connections.Count);
        Assert.NotNull(canvas.Definition.Workflow.FindNode("waitForParts"));
    }

    [Fact]
    public async Task Copy_and_paste_give_new_ids_and_keep_the_connections_between_the_copies()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        canvas.Click(canvas.Node("qualityCheck"));
        canvas.Click(canvas.Node("closed"), ctrl: true);
        canvas.Click(canvas.Node("countRework"), ctrl: true);
        var original = canvas.Definition;
        var before = original.Workflow;

        canvas.Canvas.Diagram.TriggerKeyDown(new("c", "KeyC", 0, true, false, false));
        canvas.Canvas.Diagram.TriggerKeyDown(new("v", "KeyV", 0, true, false, false));

        var workflow = canvas.Definition.Workflow;
        var pasted = ((NodeSelection)canvas.Session.Selection!).NodeIds;
        Assert.Equal(["userTask1", "setVariables1", "end1"], pasted); // in the flow's order
        Assert.Equal(before.Nodes.Count + 3, workflow.Nodes.Count);
        Assert.Equal("质检 Quality check", workflow.FindNode("userTask1")!.Name);
        Assert.Equal(before.Connections.Count + 2, workflow.Connections.Count);
        Assert.Contains(new Connection(new Endpoint("userTask1", "pass"), new Endpoint("end1")), workflow.Connections);
        Assert.Contains(new Connection(new Endpoint("userTask1", "fail"), new Endpoint("setVariables1")), workflow.Connections);
        Assert.Equal(new Position(860, 240), workflow.Layout.Nodes["userTask1"]);
        Assert.Equal(Json(original), Json(FlowEdits.Delete(canvas.Definition, pasted, []))); // the originals are untouched
        Assert.All(pasted, id => Assert.True(canvas.Node(id).Selected));
    }

    [Fact]
    public async Task Undo_and_redo_keep_the_diagram_identical_to_the_working_copy()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        canvas.Canvas.AddNode(NodeKinds.Timer, new Point(100, 500));
        canvas.Click(canvas.Node("waitForParts"));
        canvas.Canvas.DeleteSelection();
        canvas.Canvas.ApplyAutoLayout();

        void AssertDiagramShowsWorkingCopy()
        {
            Assert.Equal(Json(canvas.Definition), Json(FlowDiagramMapper.ToDefinition(canvas.Canvas.Diagram, canvas.Definition)));
            Assert.Equal(canvas.Definition.Workflow.Nodes.Count, canvas.Canvas.Diagram.Nodes.Count);
            Assert.Equal(canvas.Definition.Workflow.Connections.Count, canvas.Links.Count);
        }

        AssertDiagramShowsWorkingCopy();
        canvas.Session.Undo();
        AssertDiagramShowsWorkingCopy();
        canvas.Session.Undo();
        AssertDiagramShowsWorkingCopy();
        Assert.NotNull(canvas.Canvas.Diagram.Nodes.SingleOrDefault(n => n.Id == "waitForParts"));
        canvas.Session.Undo();
        AssertDiagramShowsWorkingCopy();
        Assert.Equal(Json(ReferenceTicketTypes.EquipmentRepair()), Json(canvas.Definition));
        canvas.Session.Redo();
        canvas.Session.Redo();
        canvas.Session.Redo();
        AssertDiagramShowsWorkingCopy();
    }

    [Fact]
    public async Task A_step_selected_in_the_problem_list_is_selected_and_centred_on_the_canvas()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());

        canvas.Session.Select(new NodeSelection(["supervisor"]));

        var supervisor = canvas.Node("supervisor");
        Assert.True(supervisor.Selected);
        Assert.Single(canvas.Canvas.Diagram.Nodes, n => n.Selected);
        var centre = canvas.OnScreen(new Point(supervisor.Position.X + supervisor.Size!.Width / 2, supervisor.Position.Y + supervisor.Size.Height / 2));
        Assert.Equal((600d, 400d), (Math.Round(centre.X), Math.Round(centre.Y)));
    }

    [Fact]
    public async Task Later_changes_of_the_working_copy_neither_move_the_view_back_nor_undo_a_pointer_selection()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair());
        canvas.Session.Select(new NodeSelection(["supervisor"]));

        // The analyst pans away, then an edit elsewhere (the properties panel's re-check, a rename) changes the session.
        canvas.Canvas.Diagram.SetPan(-40, 25);
        canvas.Session.Apply("rename", canvas.Definition with { Name = "Renamed" });
        canvas.Session.Check();
        Assert.Equal((-40d, 25d), (canvas.Canvas.Diagram.Pan.X, canvas.Canvas.Diagram.Pan.Y));

        // Mid-drag — the pointer is down on another step, the session hears of it only on pointer up — a re-check
        // finishing neither puts the old selection back nor centres the view on it.
        var other = canvas.Node(canvas.Definition.Workflow.Nodes.First(n => n.Id != "supervisor").Id);
        var grip = canvas.OnScreen(new Point(other.Position.X + 10, other.Position.Y + 10));
        canvas.Canvas.Diagram.TriggerPointerDown(other, Pointer(grip.X, grip.Y));
        canvas.Session.Check();
        Assert.True(other.Selected);
        Assert.False(canvas.Node("supervisor").Selected);
        Assert.Equal((-40d, 25d), (canvas.Canvas.Diagram.Pan.X, canvas.Canvas.Diagram.Pan.Y));
        canvas.Canvas.Diagram.TriggerPointerUp(other, Pointer(grip.X, grip.Y));
        Assert.Equal(new NodeSelection([other.Id]), canvas.Session.Selection);
    }

    [Fact]
    public async Task Steps_with_problems_are_marked_and_a_test_run_marks_its_path()
    {
        using var canvas = await OpenAsync(ReferenceTicketTypes.EquipmentRepair(), readOnly: true);
        var taken = canvas.Definition.Workflow.Connections.FindIndex(c => c.Source.Node == "report");

        canvas.Session.ShowRun(new RunHighlight(new HashSet<string> { "report", "acknowledge" }, new HashSet<string> { "repair" }, new HashSet<int> { taken }));
        canvas.Session.Apply("orphan", FlowEdits.AddNode(canvas.Definition, NodeKinds.End, new Position(0, 0)).Definition);
        canvas.Session.Check();

        Assert.Equal(RunMark.Visited, canvas.Node("report").View.Run);
        Assert.Equal(RunMark.Current, canvas.Node("repair").View.Run);
        Assert.Equal(RunMark.None, canvas.Node("closed").View.Run);
        Assert.True(canvas.Links.Single(l => l.Index == taken).Taken);
        Assert.Equal(1, canvas.Links.Count(l => l.Taken));
        Assert.True(canvas.Node("end1").View.HasProblem);
        Assert.False(canvas.Node("repair").View.HasProblem);
        Assert.True(canvas.Node("repair").Locked);
    }
}
