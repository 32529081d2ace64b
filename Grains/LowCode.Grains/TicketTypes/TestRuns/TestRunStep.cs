using LowCode.Grains.Dispatch;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.TicketTypes.TestRuns;

/// <summary>What moved a test run on.</summary>
public enum TestRunStepKind { Started, TaskCompleted, TimerFired, HttpCallAnswered, ChildTicketClosed, ClockAdvanced }

/// <summary>
/// One transition of a test run, at its virtual time: what caused it (<see cref="Subject"/>: the task, timer or
/// call; <see cref="Detail"/>: the action or outcome), the timeline entries the engine wrote, the notifications it
/// would have sent, the http calls and child tickets it would have made, and the dispatch decisions for the tasks it opened.
/// </summary>
public sealed record TestRunStep(int Number, DateTimeOffset At, TestRunStepKind Kind)
{
    public string Subject { get; init; } = "";
    public string? Detail { get; init; }
    public IReadOnlyList<TimelineEntry> Entries { get; init; } = [];
    public IReadOnlyList<SendNotificationEffect> Notifications { get; init; } = [];
    public IReadOnlyList<HttpCallEffect> HttpCalls { get; init; } = [];
    public IReadOnlyList<CreateChildTicketEffect> ChildTickets { get; init; } = [];
    public IReadOnlyList<DispatchDecision> Dispatches { get; init; } = [];
    /// <summary>Steps the run entered, in order.</summary>
    public IReadOnlyList<string> Entered { get; init; } = [];
    /// <summary>Connections taken for the first time (indexes into the workflow's connections).</summary>
    public IReadOnlyList<int> Taken { get; init; } = [];
}
