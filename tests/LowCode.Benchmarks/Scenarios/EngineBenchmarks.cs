using System.Collections.Immutable;
using System.Diagnostics;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Samples;
using LowCode.Runtime.Validation;
using LowCode.Benchmarks.Harness;

namespace LowCode.Benchmarks.Scenarios;

/// <summary>
/// The pure engine in memory: cost per transition of the repair flow (start, repair, quality check)
/// and the cost of evaluating a compiled expression. Single-threaded, so "per core".
/// </summary>
public static class EngineBenchmarks
{
    public static void Run(Report report, bool smoke)
    {
        var sw = Stopwatch.StartNew();
        var plan = WorkflowCompiler.Compile(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext()).Plan!;
        report.Add("0 engine", "repair flow validate + compile (cold)", new Figure(sw.Elapsed.TotalMilliseconds, "ms", 1));
        sw.Restart();
        WorkflowCompiler.Compile(SampleTicketTypes.EquipmentRepair(), SampleTicketTypes.EquipmentRepairContext());
        report.Add("0 engine", "repair flow validate + compile (expressions cached)", new Figure(sw.Elapsed.TotalMilliseconds, "ms", 2));

        var tickets = smoke ? 2_000 : 100_000;
        RunLifecycles(plan, Math.Min(tickets, 2_000)); // warm-up
        var (elapsed, bytes, transitions) = RunLifecycles(plan, tickets);
        var perTransitionNs = elapsed.TotalNanoseconds / transitions;
        report.Add(new Row("0 engine", "repair transitions / s / core (in memory)", new Figure(transitions / elapsed.TotalSeconds, "/s")) { Target = Target.AtLeast("≥ 50,000", 50_000) });
        report.Add("0 engine", "ns per transition", new Figure(perTransitionNs, "ns"));
        report.Add(new Row("0 engine", "bytes allocated per transition", new Figure(bytes / transitions, "B")) { Target = Target.AtMost("≤ 2,048", 2048) });

        var compiled = ExpressionCompiler.For(plan.Schema).Compile("form.Site == \"SH\" && form.Urgent && ticket.Priority != \"P4\"").Expression!;
        var scope = new ExpressionScope
        {
            Form = ImmutableDictionary<string, object?>.Empty.Add("Site", "SH").Add("Urgent", true),
            Ticket = new TicketInfo("T-1", "repair", "P2", "open", "", DateTimeOffset.UnixEpoch),
        };
        var evaluations = smoke ? 100_000 : 5_000_000;
        for (var i = 0; i < 10_000; i++) compiled.Test(scope);
        var before = GC.GetAllocatedBytesForCurrentThread();
        sw.Restart();
        var hits = 0;
        for (var i = 0; i < evaluations; i++) if (compiled.Test(scope)) hits++;
        sw.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (hits != evaluations) throw new InvalidOperationException("expression gave the wrong answer");
        report.Add("0 engine", "expression: ns per evaluation (3 comparisons)", new Figure(sw.Elapsed.TotalNanoseconds / evaluations, "ns", 1));
        report.Add("0 engine", "expression: bytes allocated per evaluation", new Figure((double)allocated / evaluations, "B", 1));
    }

    private static (TimeSpan Elapsed, long Bytes, long Transitions) RunLifecycles(ExecutionPlan plan, int tickets)
    {
        var form = ImmutableDictionary<string, object?>.Empty.Add("Asset", "Press #4").Add("Site", "SH").Add("Category", "electrical");
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        long transitions = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < tickets; i++)
        {
            var state = WorkflowEngine.Start(plan, "T-" + i, new StartTicket(form) { At = at, Title = "Press down" }).State;
            state = WorkflowEngine.Apply(plan, state, new CompleteTask(state.Tasks[0].Id, "repaired") { At = at.AddHours(1), Actor = "tech" }).State;
            var qc = state.Tasks[^1].Id;
            state = WorkflowEngine.Apply(plan, state, new CompleteTask(qc, "pass") { At = at.AddHours(2), Actor = "qa" }).State;
            if (state.Status != TicketStatus.Closed) throw new InvalidOperationException("ticket did not close");
            transitions += 3;
        }
        sw.Stop();
        return (sw.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before, transitions);
    }
}
