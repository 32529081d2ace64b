using System.Collections.Immutable;
using CsCheck;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Tests.Support;
using LowCode.Runtime.Validation;
using Xunit;
using TaskStatus = LowCode.Runtime.Execution.TaskStatus;

namespace LowCode.Runtime.Tests.Properties;

/// <summary>Random sequences of inputs, valid or not, never leave a ticket in an invalid state.</summary>
public sealed class ExecutionPropertyTests
{
    private static readonly string[] Actions = ["repaired", "needsParts", "pass", "fail", "approve", "reject", "sendBack", "paid", "resubmit", "withdraw", "bogus"];

    /// <summary>One step chosen from numbers, interpreted against the current state.</summary>
    private sealed record Step(int Kind, int Pick, int Action, int Hours);

    private static readonly Gen<Step> GenStep = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 5], Gen.Int[0, Actions.Length - 1], Gen.Int[0, 30],
        (k, p, a, h) => new Step(k, p, a, h));

    [Theory]
    [InlineData("repair")]
    [InlineData("expense")]
    public void Random_input_sequences_keep_the_state_consistent(string flow)
    {
        var plan = flow == "repair"
            ? WorkflowCompiler.Compile(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext()).Plan!
            : WorkflowCompiler.Compile(SampleTicketTypes.ExpenseApproval(), SampleTicketTypes.ExpenseApprovalContext()).Plan!;
        var amounts = Gen.OneOf(100m, 6000m, 25000m);

        Gen.Select(amounts, GenStep.List[1, 40]).Sample((amount, steps) =>
        {
            var t = new Driver(plan).Start(new { Amount = amount, Asset = "A", Lines = Array.Empty<object>() });
            Check(plan, t.State);
            var keys = new HashSet<string>(t.Effects.Select(e => e.Key));
            foreach (var step in steps)
            {
                var before = t.State;
                var count = t.Effects.Count;
                try
                {
                    t.Apply(ToInput(step, t));
                }
                catch (EngineException)
                {
                    Assert.Same(before, t.State);
                    continue;
                }
                Assert.True(t.State.Sequence >= before.Sequence);
                foreach (var effect in t.Effects.Skip(count)) Assert.True(keys.Add(effect.Key), $"effect key {effect.Key} reused");
                Check(plan, t.State);
            }
        }, iter: 150);
    }

    private static WorkflowInput ToInput(Step step, Driver t)
    {
        var open = t.State.OpenTasks.ToList();
        var taskId = open.Count == 0 || step.Pick == 5 ? "t-missing" : open[step.Pick % open.Count].Id;
        var anyTask = t.State.Tasks.Length == 0 ? "t-missing" : t.State.Tasks[step.Pick % t.State.Tasks.Length].Id;
        t.Now = t.Now.AddHours(step.Hours);
        return step.Kind switch
        {
            0 or 1 or 2 => new CompleteTask(taskId, Actions[step.Action]) { Comment = step.Hours % 2 == 0 ? "because" : null },
            3 => new CompleteTask(anyTask, Actions[step.Action]) { Comment = "again" },
            4 => new TimerFired(t.State.Timers.Length == 0 ? "tm-none" : t.State.Timers[step.Pick % t.State.Timers.Length].Id),
            5 => new AssignTask(taskId, step.Pick % 2 == 0 ? null : $"agent-{step.Pick}"),
            6 => new ExternalEvent("erp") { Data = ImmutableDictionary<string, object?>.Empty.Add("total", step.Hours * 1000m) },
            7 => new RetryIncident(t.State.Incidents.Length == 0 ? "i-none" : t.State.Incidents[0].Id),
            8 when step.Pick == 0 => new CancelTicket("random"),
            _ => new TimerFired("tm-bogus"),
        };
    }

    /// <summary>The invariants of a ticket state.</summary>
    internal static void Check(ExecutionPlan plan, TicketState state)
    {
        var tokens = state.Tokens.ToDictionary(t => t.Id);
        Assert.Equal(state.Tokens.Length, tokens.Count);
        if (state.IsClosed)
        {
            Assert.Empty(state.Tokens);
            Assert.Empty(state.Timers);
            Assert.Empty(state.OpenTasks);
            Assert.NotNull(state.Resolution);
            return;
        }
        Assert.NotEmpty(state.Tokens);
        foreach (var token in state.Tokens)
        {
            Assert.True(plan.Nodes.ContainsKey(token.NodeId));
            Assert.NotEqual(WaitKind.None, token.Waiting); // nothing is left half-run
            if (token.Waiting == WaitKind.Task) Assert.Contains(state.Tasks, t => t.TokenId == token.Id && t.Status == TaskStatus.Open);
            if (token.Waiting == WaitKind.Timer) Assert.Contains(state.Timers, t => t.TokenId == token.Id);
            if (token.Waiting == WaitKind.Incident) Assert.Contains(state.Incidents, i => i.Id == token.WaitKey);
        }
        foreach (var task in state.OpenTasks)
        {
            Assert.True(tokens.TryGetValue(task.TokenId, out var owner), $"open task {task.Id} has no token");
            Assert.Equal(task.NodeId, owner!.NodeId);
        }
        foreach (var timer in state.Timers)
            Assert.True(timer.Purpose == TimerPurpose.Sla ? state.Sla.Any(c => c.IsActive && c.TimerId == timer.Id) : tokens.ContainsKey(timer.TokenId),
                $"timer {timer.Id} ({timer.Purpose}) has no token or SLA clock");
        foreach (var clock in state.Sla.Where(c => c.TimerId is not null))
            Assert.True(clock.IsActive && state.Timers.Any(x => x.Id == clock.TimerId), $"SLA clock {clock.Kind} points at a timer that is not armed");
        if (state.IsClosed) Assert.All(state.Sla, c => Assert.False(c.IsActive));
        Assert.Equal(state.Tasks.Length, state.Tasks.Select(t => t.Id).Distinct().Count());
    }
}
