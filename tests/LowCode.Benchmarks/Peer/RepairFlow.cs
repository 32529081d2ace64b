using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace LowCode.Benchmarks.Peer;

/// <summary>The peer's ticket: which stage of the repair flow it has reached.</summary>
public sealed class RepairData
{
    public string TicketId { get; set; } = "";
    public string Stage { get; set; } = "";
    public object? RepairReport { get; set; }
    public object? QualityReport { get; set; }
}

/// <summary>
/// The equipment-repair flow in Workflow Core: opened, wait for the technician's "repaired", wait for the
/// inspector's "pass", closed. It does less than LowCode's (no form check, notification, SLA timers,
/// queue offer or read model), which favours the peer.
/// </summary>
public sealed class RepairFlow : IWorkflow<RepairData>
{
    public const string RepairDone = "repair-done";
    public const string QualityDone = "quality-done";

    public string Id => "equipment-repair";
    public int Version => 1;

    public void Build(IWorkflowBuilder<RepairData> builder) => builder
        .StartWith(context => Stage(context, "opened"))
        .WaitFor(RepairDone, data => data.TicketId)
            .Output(data => data.RepairReport, step => step.EventData)
        .Then(context => Stage(context, "repaired"))
        .WaitFor(QualityDone, data => data.TicketId)
            .Output(data => data.QualityReport, step => step.EventData)
        .Then(context => Stage(context, "closed"));

    private static ExecutionResult Stage(IStepExecutionContext context, string stage)
    {
        ((RepairData)context.Workflow.Data).Stage = stage;
        return ExecutionResult.Next();
    }
}
