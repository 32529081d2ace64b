using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Tests.Support;
using Xunit;
using static LowCode.Runtime.Tests.Support.Flows;

namespace LowCode.Runtime.Tests.Execution;

public sealed class ParallelTests
{
    private static Driver Fork(int? required = null, params string[] branches)
    {
        var nodes = new List<Node> { Start(), new ParallelSplitNode { Id = "split" }, new ParallelJoinNode { Id = "join", Required = required }, Task("after", "done"), End() };
        var connections = new List<string> { "start.out -> split", "join.out -> after", "after.done -> end" };
        foreach (var b in branches)
        {
            nodes.Add(Task(b, "done"));
            connections.Add($"split.out -> {b}");
            connections.Add($"{b}.done -> join");
        }
        return new Driver(Build(nodes, [.. connections])).Start();
    }

    [Fact]
    public void Split_opens_every_branch_and_join_waits_for_all()
    {
        var t = Fork(null, "electrical", "mechanical", "safety");
        Assert.Equal(["electrical", "mechanical", "safety"], t.OpenTaskNodes.Order());

        t.Complete("electrical", "done");
        t.Complete("safety", "done");
        Assert.DoesNotContain("after", t.OpenTaskNodes);
        Assert.Equal(2, t.State.Tokens.Count(k => k.Waiting == WaitKind.Join));

        t.Complete("mechanical", "done");
        Assert.Single(t.OpenTaskNodes, "after");
        Assert.Single(t.State.Tokens);
        Assert.Empty(t.State.Tokens[0].Forks);
    }

    [Fact]
    public void N_of_m_join_continues_at_the_nth_branch_and_cancels_the_rest()
    {
        var t = Fork(2, "a", "b", "c");
        t.Complete("b", "done");
        t.Complete("a", "done");

        Assert.Single(t.OpenTaskNodes, "after");
        var c = t.State.Tasks.Single(x => x.NodeId == "c");
        Assert.Equal(Runtime.Execution.TaskStatus.Cancelled, c.Status);
        Assert.Contains(t.LastEffects, e => e is CancelTaskEffect cancel && cancel.TaskId == c.Id);
        var late = Assert.Throws<EngineException>(() => t.CompleteTask(c.Id, "done"));
        Assert.Equal(EngineError.Conflict, late.Error);
    }

    [Fact]
    public void Nested_splits_join_inner_branches_before_outer_ones()
    {
        var definition = Build(
            [Start(), new ParallelSplitNode { Id = "outer" }, new ParallelSplitNode { Id = "inner" }, Task("x", "done"), Task("y", "done"),
             new ParallelJoinNode { Id = "innerJoin" }, Task("z", "done"), new ParallelJoinNode { Id = "outerJoin" }, End()],
            "start.out -> outer", "outer.out -> inner", "outer.out -> z", "inner.out -> x", "inner.out -> y",
            "x.done -> innerJoin", "y.done -> innerJoin", "innerJoin.out -> outerJoin", "z.done -> outerJoin", "outerJoin.out -> end");
        var t = new Driver(definition).Start();

        t.Complete("z", "done");
        t.Complete("x", "done");
        Assert.Equal(TicketStatus.Open, t.State.Status);
        t.Complete("y", "done");
        Assert.Equal(TicketStatus.Closed, t.State.Status);
    }

    [Fact]
    public void End_reached_by_one_branch_closes_the_ticket_and_cancels_the_other()
    {
        var definition = Build([Start(), new ParallelSplitNode { Id = "split" }, Task("fast", "done"), Task("slow", "done"), End()],
            "start.out -> split", "split.out -> fast", "split.out -> slow", "fast.done -> end", "slow.done -> end");
        var t = new Driver(definition).Start();
        t.Complete("fast", "done");

        Assert.Equal(TicketStatus.Closed, t.State.Status);
        Assert.Equal(Runtime.Execution.TaskStatus.Cancelled, t.State.Tasks.Single(x => x.NodeId == "slow").Status);
    }
}
