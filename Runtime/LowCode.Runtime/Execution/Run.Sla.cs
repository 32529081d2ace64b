using System.Collections.Immutable;
using System.Globalization;
using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Execution;

// SLA clocks: started with the ticket under its priority's policy, paused while the ticket waits on the
// requester or an outside party, warned and breached by thresholds, stopped by a first response or by
// closing. Every input ends with ReconcileSla, which brings the clocks in line with where the ticket is.
internal sealed partial class Run
{
    private CopyOnWriteList<SlaClock> _sla;

    private void StartSla()
    {
        if (_plan.Definition.Sla?.For(_priority) is not { } policy) return;
        foreach (var kind in (ReadOnlySpan<SlaClockKind>)[SlaClockKind.FirstResponse, SlaClockKind.Resolution])
            if (policy.Target(kind) is { } target)
            {
                _sla.Add(NewClock(kind, target) with { StartedAt = _now, RunningSince = _now });
                Timeline(TimelineKind.Sla, $"SLA {Describe(kind)} target {Describe(target)} ({_priority})", subject: Name(kind));
            }
    }

    private SlaClock NewClock(SlaClockKind kind, Duration target) => new(kind, _priority, target.Length)
    {
        BusinessTime = target.BusinessTime,
        Calendar = target.Calendar ?? _plan.Definition.Sla?.Calendar,
    };

    /// <summary>The first response: someone other than the requester acted on the ticket.</summary>
    private void RespondSla()
    {
        if (_actor == "system" || _actor == _original.Requester.Id) return;
        var i = _sla.FindIndex(c => c.Kind == SlaClockKind.FirstResponse && c.IsActive);
        if (i >= 0) _sla[i] = Stop(_sla[i], SlaClockStatus.Met);
    }

    private void ReconcileSla()
    {
        if (_sla.Count == 0) return;
        if (!IsOpen)
        {
            for (var i = 0; i < _sla.Count; i++)
                if (_sla[i].IsActive) _sla[i] = Stop(_sla[i], _status == TicketStatus.Closed ? SlaClockStatus.Met : SlaClockStatus.Stopped);
            return;
        }
        var paused = WaitingOnOthers();
        var policy = _plan.Definition.Sla?.For(_priority);
        for (var i = 0; i < _sla.Count; i++)
        {
            var clock = _sla[i];
            if (!clock.IsActive) continue;
            if (clock.Priority != _priority)
            {
                clock = CancelSlaTimer(clock);
                if (policy?.Target(clock.Kind) is not { } target)
                {
                    _sla[i] = Stop(clock, SlaClockStatus.Stopped);
                    Timeline(TimelineKind.Sla, $"SLA {Describe(clock.Kind)} no longer tracked: {_priority} has no target", subject: Name(clock.Kind));
                    continue;
                }
                var retargeted = NewClock(clock.Kind, target);
                clock = clock with { Priority = _priority, Target = retargeted.Target, BusinessTime = retargeted.BusinessTime, Calendar = retargeted.Calendar };
                Timeline(TimelineKind.Sla, $"SLA {Describe(clock.Kind)} target now {Describe(target)} ({_priority})", subject: Name(clock.Kind));
            }
            if (paused && clock.Status == SlaClockStatus.Running)
            {
                clock = CancelSlaTimer(Bank(clock)) with { Status = SlaClockStatus.Paused, RunningSince = null, DueAt = null };
                Timeline(TimelineKind.Sla, $"SLA {Describe(clock.Kind)} paused: waiting on the requester or an outside party", subject: Name(clock.Kind));
            }
            else if (!paused && clock.Status == SlaClockStatus.Paused)
            {
                clock = clock with { Status = SlaClockStatus.Running, RunningSince = _now };
                Timeline(TimelineKind.Sla, $"SLA {Describe(clock.Kind)} resumed", subject: Name(clock.Kind));
            }
            if (clock.Status == SlaClockStatus.Running && clock.TimerId is null) clock = ArmNextThreshold(clock);
            _sla[i] = clock;
        }
    }

    /// <summary>Every piece of open work waits on the requester or an outside party (branches waiting at a join do not count).</summary>
    private bool WaitingOnOthers()
    {
        var waiting = false;
        for (var t = 0; t < _tokens.Count; t++)
        {
            var token = _tokens[t];
            var node = _plan.Nodes[token.NodeId].Node;
            switch (token.Waiting)
            {
                case WaitKind.Join: continue;
                case WaitKind.HttpCall or WaitKind.ChildTicket: waiting = true; continue;
                case WaitKind.Timer when node is TimerNode { PausesSla: true } or HttpCallNode: waiting = true; continue;
                case WaitKind.Task when node is UserTaskNode { PausesSla: true } || TasksWaitOnRequester(token): waiting = true; continue;
                default: return false;
            }
        }
        return waiting;
    }

    private bool TasksWaitOnRequester(Token token)
    {
        var any = false;
        for (var i = 0; i < _tasks.Count; i++)
        {
            var task = _tasks[i];
            if (task.TokenId != token.Id || task.Status != TaskStatus.Open) continue;
            var requester = task.Assignee is { } assignee ? assignee == _original.Requester.Id && assignee.Length > 0 : task.Assignment.To?.Kind == ParticipantKind.Requester;
            if (!requester) return false;
            any = true;
        }
        return any;
    }

    private SlaClock ArmNextThreshold(SlaClock clock)
    {
        var since = clock.RunningSince ?? _now;
        var due = SlaAdd(clock, since, clock.Target - clock.Elapsed);
        var next = ThresholdPercents(clock).Where(p => !clock.Fired.Contains(p)).DefaultIfEmpty(-1).Min();
        if (next < 0) return clock with { DueAt = due };
        var at = SlaAdd(clock, since, TimeSpan.FromTicks(clock.Target.Ticks * next / 100) - clock.Elapsed);
        var timer = new TimerState(NextId("tm"), TimerPurpose.Sla, at, "") { EscalationId = $"{Name(clock.Kind)}:{next.ToString(CultureInfo.InvariantCulture)}" };
        _timers.Add(timer);
        Emit(new ArmTimerEffect(_original.TicketId, ++_sequence, timer.Id, at));
        return clock with { DueAt = due, TimerId = timer.Id };
    }

    private IEnumerable<int> ThresholdPercents(SlaClock clock)
    {
        var policy = _plan.Definition.Sla?.For(clock.Priority);
        var percents = policy?.Thresholds.Where(t => t is not null && t.Applies(clock.Kind)).Select(t => t.Percent) ?? [];
        return percents.Append(100).Distinct();
    }

    private void SlaTimerFired(TimerState timer)
    {
        var i = _sla.FindIndex(c => c.TimerId == timer.Id);
        if (i < 0 || !_sla[i].IsActive) return;
        var percent = int.Parse(timer.EscalationId![(timer.EscalationId!.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var clock = _sla[i] with { TimerId = null, Fired = _sla[i].Fired.Add(percent) };
        var label = $"{percent} % of the {Describe(clock.Kind)} target";
        if (percent >= 100 && !clock.Breached)
        {
            clock = clock with { Breached = true, BreachedAt = _now };
            Timeline(TimelineKind.Sla, $"SLA breached: {Describe(clock.Kind)} target {Describe(clock)} passed ({clock.Priority})", subject: Name(clock.Kind), after: "breached");
        }
        else Timeline(TimelineKind.Sla, $"SLA warning: {label} used ({clock.Priority})", subject: Name(clock.Kind), after: percent);
        _sla[i] = clock;

        var policies = _plan.Definition.Sla!.Policies;
        var p = policies.FindIndex(x => x is not null && x.Priority == clock.Priority);
        if (p < 0) return;
        var thresholds = policies[p].Thresholds;
        for (var t = 0; t < thresholds.Count; t++)
        {
            var threshold = thresholds[t];
            if (threshold is null || threshold.Percent != percent || !threshold.Applies(clock.Kind)) continue;
            var path = $"sla.policies[{p}].thresholds[{t}]";
            RunEscalationActions(threshold.Actions, "", path, $"SLA {label}", _tasks.Where(x => x.Status == TaskStatus.Open), nodeId: null);
            if (threshold.Port is { } port) MoveAlongPort(port, $"SLA {label}");
        }
    }

    /// <summary>Every open step that has a connection leaving by <paramref name="port"/> is left by it.</summary>
    private void MoveAlongPort(string port, string reason)
    {
        foreach (var token in _tokens.ToList())
        {
            if (token.Waiting != WaitKind.Task || _plan.Nodes[token.NodeId].TargetsOf(port).Length == 0) continue;
            CancelStepWork(token, reason);
            Advance(token, token.NodeId, port);
        }
    }

    private SlaClock Stop(SlaClock clock, SlaClockStatus status)
    {
        clock = CancelSlaTimer(Bank(clock)) with { Status = status, RunningSince = null, StoppedAt = _now };
        var late = clock.Elapsed > clock.Target ? $", {Describe(clock.Elapsed - clock.Target)} late" : "";
        var what = status == SlaClockStatus.Met ? (clock.Kind == SlaClockKind.FirstResponse ? "responded" : "resolved") : "stopped";
        Timeline(TimelineKind.Sla, $"SLA {Describe(clock.Kind)} {what} after {Describe(clock.Elapsed)} of {Describe(clock)}{late}",
            subject: Name(clock.Kind), after: status == SlaClockStatus.Met ? (clock.Elapsed > clock.Target ? "late" : "met") : "stopped");
        return clock;
    }

    /// <summary>Adds the counted time since the clock last started running.</summary>
    private SlaClock Bank(SlaClock clock) => clock.RunningSince is { } since
        ? clock with { Elapsed = clock.Elapsed + SlaBetween(clock, since, _now), RunningSince = _now }
        : clock;

    private SlaClock CancelSlaTimer(SlaClock clock)
    {
        if (clock.TimerId is not { } id) return clock;
        var index = _timers.FindIndex(t => t.Id == id);
        if (index >= 0)
        {
            _timers.RemoveAt(index);
            Emit(new CancelTimerEffect(_original.TicketId, ++_sequence, id));
        }
        return clock with { TimerId = null };
    }

    private DateTimeOffset SlaAdd(SlaClock clock, DateTimeOffset from, TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return from;
        return clock.BusinessTime ? _plan.Calendar(clock.Calendar).Add(from, span) : from + span;
    }

    private TimeSpan SlaBetween(SlaClock clock, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero : clock.BusinessTime ? _plan.Calendar(clock.Calendar).Between(from, to) : to - from;

    private static string Name(SlaClockKind kind) => kind == SlaClockKind.FirstResponse ? "firstResponse" : "resolution";
    private static string Describe(SlaClockKind kind) => kind == SlaClockKind.FirstResponse ? "first response" : "resolution";
    private static string Describe(SlaClock clock) => Describe(new Duration(clock.Target, clock.BusinessTime));
    private static string Describe(Duration duration) => Describe(duration.Length) + (duration.BusinessTime ? " business time" : "");

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
        : $"{(int)span.TotalMinutes}m";
}
