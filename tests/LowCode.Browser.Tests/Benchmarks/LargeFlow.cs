using LowCode.Designer.TicketTypes.Canvas;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Definitions;

namespace LowCode.Browser.Tests.Benchmarks;

/// <summary>
/// A 200-step flow for the canvas benchmark: start, a split into ten lanes of nineteen mixed steps, a join, six
/// automatic steps and an end — laid out by the canvas's own auto-layout, as an analyst would leave it.
/// </summary>
public static class LargeFlow
{
    private const int Lanes = 10, LaneLength = 19;
    private static readonly string[] LaneKinds = [NodeKinds.UserTask, NodeKinds.Approval, NodeKinds.Notify, NodeKinds.Timer, NodeKinds.SetVariables];
    private static readonly string[] TailKinds = [NodeKinds.Notify, NodeKinds.Timer, NodeKinds.SetVariables, NodeKinds.Script, NodeKinds.HttpCall, NodeKinds.SubTicket];

    public static TicketTypeDefinition Create(string key)
    {
        var nodes = new List<Node> { Step(NodeKinds.Start, "start"), Step(NodeKinds.ParallelSplit, "split") };
        var connections = new List<Connection>();
        for (var lane = 0; lane < Lanes; lane++)
        {
            var previous = "split";
            for (var i = 0; i < LaneLength; i++)
            {
                var node = Step(LaneKinds[(lane + i) % LaneKinds.Length], $"lane{lane}-{i}");
                nodes.Add(node);
                Connect(connections, nodes.Find(n => n.Id == previous)!, node.Id);
                previous = node.Id;
            }
            Connect(connections, nodes.Find(n => n.Id == previous)!, "join");
        }
        nodes.Add(Step(NodeKinds.ParallelJoin, "join"));
        var tail = "join";
        for (var i = 0; i < TailKinds.Length; i++)
        {
            var node = Step(TailKinds[i], $"tail{i}");
            nodes.Add(node);
            Connect(connections, nodes.Find(n => n.Id == tail)!, node.Id);
            tail = node.Id;
        }
        nodes.Add(Step(NodeKinds.End, "end"));
        Connect(connections, nodes.Find(n => n.Id == tail)!, "end");
        Connect(connections, nodes[0], "split");

        var workflow = new WorkflowDefinition { Key = key, Name = "200 steps", Nodes = nodes, Connections = connections };
        workflow = workflow with { Layout = new DesignerLayout { Nodes = AutoLayout.Compute(workflow) } };
        return ReferenceTicketTypes.ExpenseApproval() with { Key = key, Name = "画布基准 Canvas benchmark (200 steps)", Workflow = workflow };
    }

    private static Node Step(string kind, string id) => NodePalette.Of(kind).Create(id, $"{NodePalette.Of(kind).DefaultName} {id}");

    /// <summary>Connects every outcome port of <paramref name="from"/> to <paramref name="to"/> (a parallel split gets one connection per lane).</summary>
    private static void Connect(List<Connection> connections, Node from, string to) =>
        connections.AddRange(from.OutcomePorts().Select(port => new Connection(new Endpoint(from.Id, port), new Endpoint(to))));
}
