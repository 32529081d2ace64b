using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Execution;

/// <summary>
/// One application of one input: a mutable working copy of the ticket that becomes a new
/// immutable <see cref="TicketState"/> at the end. Node behaviour is in Run.Nodes.cs, input
/// handling in Run.Inputs.cs, steps and escalations in Run.Steps.cs.
/// </summary>
internal sealed partial class Run
{
    private readonly ExecutionPlan _plan;
    private readonly TicketState _original;
    private readonly DateTimeOffset _now;
    private readonly string _actor;

    private TicketStatus _status;
    private string? _resolution;
    private DateTimeOffset? _closedAt;
    private string _priority;
    private ImmutableDictionary<string, object?> _form;
    private ImmutableDictionary<string, object?> _vars;
    // Mutable structs: used through these fields only, never copied.
    private CopyOnWriteList<Token> _tokens;
    private CopyOnWriteList<TaskState> _tasks;
    private CopyOnWriteList<TimerState> _timers;
    private CopyOnWriteList<Incident> _incidents;
    private long _sequence;
    private readonly List<WorkflowEffect> _effects = new(8);
    private ReadyTokens _ready;
    private ExpressionScope? _scope;
    private int _steps;

    public Run(ExecutionPlan plan, TicketState state, WorkflowInput input)
    {
        _plan = plan;
        _original = state;
        _now = input.At;
        _actor = string.IsNullOrWhiteSpace(input.Actor) ? "system" : input.Actor;
        _status = state.Status;
        _resolution = state.Resolution;
        _closedAt = state.ClosedAt;
        _priority = state.Priority;
        _form = state.Form;
        _vars = state.Vars;
        _tokens = new(state.Tokens);
        _tasks = new(state.Tasks);
        _timers = new(state.Timers);
        _incidents = new(state.Incidents);
        _sla = new(state.Sla);
        _sequence = state.Sequence;
    }

    private bool IsOpen => _status == TicketStatus.Open;

    public void Begin()
    {
        Timeline(TimelineKind.Created, _original.Title);
        var token = new Token(NextId("k"), _plan.StartNodeId) { EnteredAt = _now };
        _tokens.Add(token);
        _ready.Enqueue(token.Id, token.NodeId);
        StartSla();
        Pump();
        ReconcileSla();
    }

    public EngineResult Finish()
    {
        var state = _original with
        {
            Status = _status,
            Resolution = _resolution,
            ClosedAt = _closedAt,
            Priority = _priority,
            Form = _form,
            Vars = _vars,
            Tokens = _tokens.ToImmutable(),
            Tasks = _tasks.ToImmutable(),
            Timers = _timers.ToImmutable(),
            Incidents = _incidents.ToImmutable(),
            Sla = _sla.ToImmutable(),
            Sequence = _sequence,
        };
        return new EngineResult(state, _effects);
    }

    /// <summary>Runs ready tokens until every one waits, the ticket closes, or the step bound is hit.</summary>
    private void Pump()
    {
        while (IsOpen && _ready.TryTake(out var id, out var nodeId))
        {
            var token = FindToken(id);
            if (token is null) continue; // cancelled meanwhile (join, end)
            if (++_steps > WorkflowEngine.MaxAutomaticSteps)
            {
                RaiseIncident(token, nodeId, $"Stopped after {WorkflowEngine.MaxAutomaticSteps} automatic steps without waiting: the flow loops without a human step or timer.");
                continue;
            }
            Execute(token, nodeId);
        }
    }

    // ---- ids, effects, timeline -------------------------------------------------------------

    private string NextId(string prefix) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{++_sequence}");


    private void Emit(WorkflowEffect effect) => _effects.Add(effect);

    private void Timeline(TimelineKind kind, string summary, string? nodeId = null, string? taskId = null,
        string? subject = null, object? before = null, object? after = null) =>
        Emit(new TimelineEffect(_original.TicketId, ++_sequence, new TimelineEntry(kind, _now, _actor, summary)
        {
            NodeId = nodeId, TaskId = taskId, Subject = subject, Before = before, After = after,
        }));

    // ---- tokens ------------------------------------------------------------------------------

    private Token? FindToken(string id)
    {
        for (var i = 0; i < _tokens.Count; i++) if (_tokens[i].Id == id) return _tokens[i];
        return null;
    }

    private Token Update(Token token)
    {
        for (var i = 0; i < _tokens.Count; i++)
            if (_tokens[i].Id == token.Id) { _tokens[i] = token; break; }
        return token;
    }

    /// <summary>
    /// Sends a token to a node. The token itself is rewritten only when it comes to rest (waits or
    /// fails) — passing through automatic steps allocates nothing for it.
    /// </summary>
    private void MoveTo(Token token, string nodeId) => _ready.Enqueue(token.Id, nodeId);

    /// <summary>The token comes to rest at <paramref name="nodeId"/>, waiting for something.</summary>
    private Token Wait(Token token, string nodeId, WaitKind kind, string? key = null, int level = 0, int attempt = 0) =>
        Update(token with
        {
            NodeId = nodeId, Waiting = kind, WaitKey = key, Level = level, Attempt = attempt,
            EnteredAt = token.NodeId == nodeId && token.Waiting != WaitKind.None ? token.EnteredAt : _now,
        });

    /// <summary>Leaves <paramref name="fromNode"/> by <paramref name="port"/>.</summary>
    private void Advance(Token token, string fromNode, string port)
    {
        var targets = _plan.Nodes[fromNode].TargetsOf(port);
        if (targets.Length == 0)
        {
            RaiseIncident(token, fromNode, $"Port '{port}' of step '{_plan.Nodes[fromNode].Node.DisplayName}' leads nowhere.");
            return;
        }
        MoveTo(token, targets[0]);
    }

    private void RemoveToken(Token token)
    {
        for (var i = _tokens.Count - 1; i >= 0; i--) if (_tokens[i].Id == token.Id) _tokens.RemoveAt(i);
        CancelStepWork(token, "branch cancelled");
    }

    // ---- data --------------------------------------------------------------------------------

    /// <summary>The evaluation scope, built on first use and kept in step with data changes.</summary>
    private ExpressionScope Scope => _scope ??= new ExpressionScope
    {
        Form = _form,
        Vars = _vars,
        Ticket = TicketInfo(),
        Requester = _original.Requester,
        Now = _now,
        Calendar = _plan.DefaultCalendar,
    };

    private TicketInfo TicketInfo() =>
        new(_original.TicketId, _original.TicketType, _priority, StatusName(_status), _original.Title, _original.CreatedAt);

    private static string StatusName(TicketStatus status) => status switch
    {
        TicketStatus.Open => "open",
        TicketStatus.Closed => "closed",
        _ => "cancelled",
    };

    private void SetVariable(string name, object? value, string? nodeId)
    {
        var stored = _plan.VariableTypes.TryGetValue(name, out var field) ? DataTypes.Store(DataTypes.View(field, DataTypes.Store(value))) : DataTypes.Store(value);
        var before = _vars.TryGetValue(name, out var b) ? b : null;
        if (Equals(before, stored)) return;
        _vars = _vars.SetItem(name, stored);
        if (_scope is not null) _scope.Vars = _vars;
        Timeline(TimelineKind.VariableChanged, $"{name} set", nodeId, subject: name, before: before, after: stored);
    }

    private void MergeForm(ImmutableDictionary<string, object?> data)
    {
        if (data.IsEmpty) return;
        _form = _form.SetItems(data);
        if (_scope is not null) _scope.Form = _form;
    }

    private void SetPriority(string priority, string reason, string? nodeId)
    {
        if (priority == _priority) return;
        var before = _priority;
        _priority = priority;
        if (_scope is not null) _scope.Ticket = TicketInfo();
        Timeline(TimelineKind.PriorityChanged, $"Priority {before} → {priority}: {reason}", nodeId, subject: "priority", before: before, after: priority);
    }

    private DateTimeOffset AddDuration(DateTimeOffset from, Duration duration, double fraction = 1)
    {
        var length = fraction == 1 ? duration.Length : TimeSpan.FromTicks((long)(duration.Length.Ticks * fraction));
        return duration.BusinessTime ? _plan.Calendar(duration.Calendar).Add(from, length) : from + length;
    }

    // ---- incidents and closing -------------------------------------------------------------

    private void RaiseIncident(Token token, string nodeId, string message)
    {
        var incident = new Incident(NextId("i"), token.Id, nodeId, message, _now);
        _incidents.Add(incident);
        Wait(token, nodeId, WaitKind.Incident, incident.Id);
        Timeline(TimelineKind.IncidentRaised, message, nodeId);
    }

    /// <summary>A step failed: leave by "failed" when that port is connected, otherwise raise an incident.</summary>
    private void Fail(Token token, string nodeId, string message)
    {
        if (_plan.Nodes[nodeId].TargetsOf(Ports.Failed).Length > 0)
        {
            Timeline(TimelineKind.IncidentRaised, $"{message} — continuing by 'failed'.", nodeId);
            Advance(token, nodeId, Ports.Failed);
        }
        else RaiseIncident(token, nodeId, message);
    }

    private void Close(TicketStatus status, string resolution, string summary, string? nodeId)
    {
        for (var i = 0; i < _tokens.Count; i++) CancelStepWork(_tokens[i], summary);
        _tokens.Clear();
        _incidents.Clear();
        var before = _status;
        _status = status;
        _resolution = resolution;
        _closedAt = _now;
        if (_scope is not null) _scope.Ticket = TicketInfo();
        ReconcileSla(); // closed: the clocks stop (met, or stopped when cancelled) before the status line
        Timeline(TimelineKind.StatusChanged, summary, nodeId, subject: "status",
            before: StatusName(before), after: StatusName(status));
    }

    /// <summary>Tokens ready to enter a node, first in first out; usually one, so no queue is allocated for it.</summary>
    private struct ReadyTokens
    {
        private (string Id, string Node)? _first;
        private Queue<(string Id, string Node)>? _rest;

        public void Enqueue(string id, string node)
        {
            if (_first is null && (_rest is null || _rest.Count == 0)) _first = (id, node);
            else (_rest ??= new Queue<(string, string)>()).Enqueue((id, node));
        }

        public bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? node)
        {
            (string Id, string Node) next;
            if (_first is { } first) { next = first; _first = null; }
            else if (_rest is null || !_rest.TryDequeue(out next)) { id = node = null; return false; }
            (id, node) = next;
            return true;
        }
    }
}
