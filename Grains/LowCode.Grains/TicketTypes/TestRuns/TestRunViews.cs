using LowCode.Forms.Schema;
using LowCode.Grains.Dispatch;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>An open task of a test run: what the analyst may choose, the form the step shows, and how it was assigned.</summary>
public sealed record WaitingTask(TaskState Task, IReadOnlyList<TaskAction> Actions, FormSchema? Form, DispatchDecision? Decision);

/// <summary>An armed timer: a timer step, a step's escalation, an http retry or an SLA threshold; <see cref="Escalation"/> names which.</summary>
public sealed record PendingTimer(string Id, TimerPurpose Purpose, DateTimeOffset DueAt, string? NodeId, string? Escalation);

/// <summary>An SLA clock with what has counted so far and when each threshold falls (while the clock runs).</summary>
public sealed record SlaClockView(SlaClock Clock, TimeSpan Elapsed, IReadOnlyList<SlaThresholdView> Thresholds);

/// <summary>One threshold of a clock's policy: its time, whether it has passed, and what it does.</summary>
public sealed record SlaThresholdView(int Percent, DateTimeOffset? At, bool Passed, IReadOnlyList<EscalationAction> Actions, string? Port);

/// <summary>What became of a request to the test run: done, or refused with the reason and any form problems.</summary>
public sealed record TestRunOutcome(bool Succeeded, string? Error = null)
{
    public static readonly TestRunOutcome Ok = new(true);
    public IReadOnlyList<Forms.Validation.FormProblem> FormProblems { get; init; } = [];
    public static TestRunOutcome Refused(string error) => new(false, error);
}
