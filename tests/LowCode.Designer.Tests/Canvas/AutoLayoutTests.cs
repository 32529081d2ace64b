using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;

namespace LowCode.Designer.Tests.Canvas;

public sealed class AutoLayoutTests
{
    public static TheoryData<string> Flows => ["equipment-repair", "expense-approval"];

    [Theory, MemberData(nameof(Flows))]
    public void Every_step_gets_its_own_place_and_every_connection_points_right_unless_it_closes_a_loop(string key)
    {
        var workflow = (key == "equipment-repair" ? ReferenceTicketTypes.EquipmentRepair() : ReferenceTicketTypes.ExpenseApproval()).Workflow;

        var positions = AutoLayout.Compute(workflow);

        Assert.Equal(workflow.Nodes.Select(n => n.Id).Order(), positions.Keys.Order());
        Assert.Equal(positions.Count, positions.Values.Distinct().Count());
        foreach (var c in workflow.Connections)
        {
            var (from, to) = (positions[c.Source.Node], positions[c.Target.Node]);
            Assert.True(to.X > from.X || Reaches(workflow, c.Target.Node, c.Source.Node),
                $"{c} points left but does not close a loop");
        }
        Assert.Equal(positions.Values.Min(p => p.X), positions[workflow.Nodes.OfType<StartNode>().Single().Id].X);
    }

    [Fact]
    public void A_straight_flow_lies_in_one_row_from_left_to_right()
    {
        var ids = Enumerable.Range(1, 5).Select(i => "n" + i).ToList();
        var workflow = new WorkflowDefinition
        {
            Nodes = [new StartNode { Id = "n1" }, .. ids.Skip(1).SkipLast(1).Select(id => new NotifyNode { Id = id }), new EndNode { Id = "n5" }],
            Connections = ids.Zip(ids.Skip(1)).Select(p => new Connection(new Endpoint(p.First, Ports.Out), new Endpoint(p.Second))).ToList(),
        };

        var positions = AutoLayout.Compute(workflow);

        Assert.Single(positions.Values.Select(p => p.Y).Distinct());
        Assert.Equal(ids, positions.OrderBy(p => p.Value.X).Select(p => p.Key));
    }

    private static bool Reaches(WorkflowDefinition workflow, string from, string to)
    {
        var seen = new HashSet<string>();
        var work = new Stack<string>([from]);
        while (work.TryPop(out var id))
        {
            if (id == to) return true;
            if (!seen.Add(id)) continue;
            foreach (var c in workflow.Connections.Where(c => c.Source.Node == id)) work.Push(c.Target.Node);
        }
        return false;
    }
}
