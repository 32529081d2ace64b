using System.Globalization;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;
using TaskStatus = LowCode.Runtime.Execution.TaskStatus;

namespace LowCode.Grains.TicketTypes.TestRuns;

// What the analyst sees of a test run: where it waits and for what.
public sealed partial class TestRun
{
    public bool IsClosed => Ticket.IsClosed;

    /// <summary>Open tasks with their actions (the outcome ports of the step), task form and dispatch decision.</summary>
    public IReadOnlyList<WaitingTask> WaitingTasks => [.. Ticket.Tasks.Where(t => t.Status == TaskStatus.Open).Select(t =>
        new WaitingTask(t, ActionsOf(Plan.Nodes[t.NodeId].Node), TaskFormOf(t), _decisions.GetValueOrDefault(t.Id)))];

    /// <summary>Every armed timer, soonest first.</summary>
    public IReadOnlyList<PendingTimer> Timers => [.. Ticket.Timers.OrderBy(t => t.DueAt).Select(t =>
        new PendingTimer(t.Id, t.Purpose, t.DueAt, Ticket.Tokens.FirstOrDefault(k => k.Id == t.TokenId)?.NodeId, t.EscalationId))];

    /// <summary>When the next timer or SLA threshold is due; null when nothing waits for time.</summary>
    public DateTimeOffset? NextDue => Ticket.Timers.IsEmpty ? null : Ticket.Timers.Min(t => t.DueAt);

    /// <summary>Http calls the flow waits on, as the engine asked for them (method, url, body): the analyst answers them.</summary>
    public IReadOnlyList<HttpCallEffect> PendingHttpCalls => [.. Ticket.Tokens
        .Where(t => t.Waiting == WaitKind.HttpCall && t.WaitKey is not null && _httpCalls.ContainsKey(t.WaitKey)).Select(t => _httpCalls[t.WaitKey!])];

    /// <summary>Child tickets the flow waits for (recorded, never created).</summary>
    public IReadOnlyList<CreateChildTicketEffect> PendingChildTickets => [.. Ticket.Tokens
        .Where(t => t.Waiting == WaitKind.ChildTicket && t.WaitKey is not null && _childTickets.ContainsKey(t.WaitKey)).Select(t => _childTickets[t.WaitKey!])];

    /// <summary>Every notification the run would have sent, oldest first.</summary>
    public IReadOnlyList<SendNotificationEffect> Notifications => [.. _steps.SelectMany(s => s.Notifications)];

    /// <summary>The SLA clocks with the time counted so far and when each threshold of their policy falls.</summary>
    public IReadOnlyList<SlaClockView> SlaClocks => [.. Ticket.Sla.Select(clock => new SlaClockView(clock, Elapsed(clock), Thresholds(clock)))];

    public static IReadOnlyList<TaskAction> ActionsOf(Node node) => node switch
    {
        UserTaskNode u => u.Actions,
        ApprovalNode a => a.AllowSendBack
            ? [new(ApprovalActions.Approve, "Approve"), new(ApprovalActions.Reject, "Reject"), new(ApprovalActions.SendBack, "Send back")]
            : [new(ApprovalActions.Approve, "Approve"), new(ApprovalActions.Reject, "Reject")],
        _ => [],
    };

    private TimeSpan Elapsed(SlaClock clock) => clock.RunningSince is { } since && Now > since ? clock.Elapsed + Between(clock, since, Now) : clock.Elapsed;

    private IReadOnlyList<SlaThresholdView> Thresholds(SlaClock clock)
    {
        var policy = Plan.Definition.Sla?.For(clock.Priority);
        var thresholds = (policy?.Thresholds ?? []).Where(t => t is not null && t.Applies(clock.Kind)).ToList();
        var percents = thresholds.Select(t => t.Percent).Append(100).Distinct().Order();
        return [.. percents.Select(p =>
        {
            var passed = clock.Fired.Contains(p);
            DateTimeOffset? at = passed || clock.RunningSince is not { } since ? null
                : Add(clock, since, TimeSpan.FromTicks(clock.Target.Ticks * p / 100) - clock.Elapsed);
            var matching = thresholds.Where(t => t.Percent == p).ToList();
            return new SlaThresholdView(p, at, passed, [.. matching.SelectMany(t => t.Actions).OfType<EscalationAction>()], matching.Select(t => t.Port).FirstOrDefault(x => x is not null));
        })];
    }

    private DateTimeOffset Add(SlaClock clock, DateTimeOffset from, TimeSpan span) =>
        span <= TimeSpan.Zero ? from : clock.BusinessTime ? Plan.Calendar(clock.Calendar).Add(from, span) : from + span;

    private TimeSpan Between(SlaClock clock, DateTimeOffset from, DateTimeOffset to) =>
        clock.BusinessTime ? Plan.Calendar(clock.Calendar).Between(from, to) : to - from;

    /// <summary>A timer in words for the log: "SLA resolution 75 %", "escalation four-hours on 维修 Repair", "wait on 等待备件".</summary>
    private string Describe(TimerState timer)
    {
        var node = Ticket.Tokens.FirstOrDefault(k => k.Id == timer.TokenId)?.NodeId is { } id && Plan.Nodes.TryGetValue(id, out var n) ? n.Node.DisplayName : null;
        return timer.Purpose switch
        {
            TimerPurpose.Sla when timer.EscalationId?.Split(':') is [var clock, var percent] => string.Create(CultureInfo.InvariantCulture, $"SLA {clock} {percent} %"),
            TimerPurpose.Escalation => $"escalation '{timer.EscalationId}' on {node}",
            TimerPurpose.Retry => $"retry of {node}",
            _ => $"{node}",
        };
    }
}
