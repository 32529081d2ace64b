using System.Collections.Immutable;
using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Execution;

// Human steps: opening tasks, escalation timers, and cancelling what a step left open.
internal sealed partial class Run
{
    /// <summary>Opens a task for an already resolved assignment (see <see cref="TryResolve"/>).</summary>
    private TaskState OpenTask(Token token, Node node, Assignment resolved, Duration? due, string? taskForm,
        int? level = null, ImmutableArray<Participant> candidates = default)
    {
        var task = new TaskState(NextId("t"), token.Id, node.Id, node.DisplayName)
        {
            Kind = node.Kind,
            Assignment = resolved,
            Assignee = resolved.To is { Kind: ParticipantKind.User } user ? user.Value : null,
            Level = level,
            Candidates = candidates.IsDefault ? [] : candidates,
            CreatedAt = _now,
            DueAt = due is null ? null : AddDuration(_now, due),
        };
        _tasks.Add(task);
        Emit(new CreateTaskEffect(_original.TicketId, ++_sequence, task, taskForm));
        Timeline(TimelineKind.TaskCreated, node.DisplayName, node.Id, task.Id);
        return task;
    }

    /// <summary>Turns an expression participant (e.g. a user picker field) into the user it names.</summary>
    private bool TryResolve(Token token, string nodeId, string path, Participant participant, out Participant resolved)
    {
        resolved = participant;
        if (participant.Kind != ParticipantKind.Expression) return true;
        if (!TryEvaluateText(token, nodeId, _plan.Expression(nodeId, path + ".value"), out var user)) return false;
        resolved = new Participant(ParticipantKind.User, user);
        return true;
    }

    private void ArmEscalations(Token token, IReadOnlyList<Escalation> escalations, Duration? due)
    {
        foreach (var escalation in escalations)
        {
            DateTimeOffset at;
            if (escalation.After is { } after) at = AddDuration(_now, after);
            else if (escalation.AtPercentOfDue is { } percent && due is not null) at = AddDuration(_now, due, percent / 100.0);
            else continue;
            ArmTimer(token, TimerPurpose.Escalation, at, escalation.Id);
        }
    }

    private TimerState ArmTimer(Token token, TimerPurpose purpose, DateTimeOffset at, string? escalationId = null)
    {
        var timer = new TimerState(NextId("tm"), purpose, at, token.Id) { EscalationId = escalationId };
        _timers.Add(timer);
        Emit(new ArmTimerEffect(_original.TicketId, ++_sequence, timer.Id, at));
        return timer;
    }

    /// <summary>Cancels the token's open tasks and armed timers (the step is being left or abandoned).</summary>
    private void CancelStepWork(Token token, string reason)
    {
        for (var i = 0; i < _tasks.Count; i++)
        {
            var task = _tasks[i];
            if (task.TokenId != token.Id || task.Status != TaskStatus.Open) continue;
            _tasks[i] = task with { Status = TaskStatus.Cancelled, ClosedAt = _now, ClosedBy = _actor, Comment = reason };
            Emit(new CancelTaskEffect(_original.TicketId, ++_sequence, task.Id, reason));
            Timeline(TimelineKind.TaskCancelled, $"{task.Name} cancelled: {reason}", task.NodeId, task.Id);
        }
        for (var i = _timers.Count - 1; i >= 0; i--)
        {
            if (_timers[i].TokenId != token.Id) continue;
            Emit(new CancelTimerEffect(_original.TicketId, ++_sequence, _timers[i].Id));
            _timers.RemoveAt(i);
        }
    }

    private void Escalate(Token token, string escalationId)
    {
        var node = _plan.Nodes[token.NodeId].Node;
        var escalations = node switch { UserTaskNode u => u.Escalations, ApprovalNode a => a.Escalations, _ => [] };
        var index = escalations.FindIndex(e => e.Id == escalationId);
        if (index < 0 || token.Waiting != WaitKind.Task) return;
        var escalation = escalations[index];
        var path = $"escalations[{index}]";

        if (_plan.Expression(node.Id, path + ".condition") is { } condition && Test(token, node.Id, condition) is not true)
        {
            if (token.Waiting == WaitKind.Incident) return;
            Timeline(TimelineKind.EscalationFired, $"Escalation '{escalation.Id}' skipped: its condition is false.", node.Id);
            return;
        }
        Timeline(TimelineKind.EscalationFired, $"Escalation '{escalation.Id}' on {node.DisplayName}", node.Id, subject: escalation.Id);
        RunEscalationActions(escalation.Actions, node.Id, path, $"escalation '{escalation.Id}'",
            _tasks.Where(t => t.TokenId == token.Id && t.Status == TaskStatus.Open), node.Id);
        if (escalation.Port is not null)
        {
            CancelStepWork(token, $"escalated by '{escalation.Id}'");
            Advance(token, node.Id, escalation.Port);
        }
    }

    /// <summary>
    /// Notify, reassign, raise priority — for a step's escalation or an SLA threshold. Messages are the
    /// templates compiled at "<paramref name="templateNode"/>:<paramref name="path"/>.actions[i].message".
    /// </summary>
    private void RunEscalationActions(IReadOnlyList<EscalationAction> actions, string templateNode, string path, string label,
        IEnumerable<TaskState> openTasks, string? nodeId)
    {
        var tasks = openTasks.ToList();
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (action is null) continue;
            switch (action.Kind)
            {
                case EscalationActionKind.Notify:
                    var recipients = action.To is not null ? [action.To]
                        : tasks.Select(t => t.Assignee is null ? t.Assignment.To : new Participant(ParticipantKind.User, t.Assignee))
                            .OfType<Participant>().Distinct().ToImmutableArray();
                    var message = _plan.Template(templateNode, $"{path}.actions[{i}].message").Render(Scope);
                    var subject = $"Escalation: {(nodeId is null ? $"{_original.Title} — {label}" : _plan.Nodes[nodeId].Node.DisplayName)}";
                    Notify(action.Channel, recipients, subject, message, nodeId);
                    break;
                case EscalationActionKind.Reassign when action.To is not null:
                    foreach (var task in tasks)
                    {
                        var updated = task with
                        {
                            Assignment = new Assignment { To = action.To },
                            Assignee = action.To.Kind == ParticipantKind.User ? action.To.Value : null,
                        };
                        ReplaceTask(updated);
                        Emit(new ReassignTaskEffect(_original.TicketId, ++_sequence, task.Id, action.To));
                        Timeline(TimelineKind.TaskAssigned, $"{task.Name} reassigned to {action.To} by {label}",
                            task.NodeId, task.Id, "assignee", task.Assignee, updated.Assignee ?? action.To.ToString());
                    }
                    break;
                case EscalationActionKind.RaisePriority when action.Priority is not null:
                    SetPriority(action.Priority, label, nodeId);
                    break;
            }
        }
    }

    private void Notify(string channel, ImmutableArray<Participant> recipients, string subject, string body, string? nodeId)
    {
        Emit(new SendNotificationEffect(_original.TicketId, ++_sequence, channel, recipients, subject, body));
        Timeline(TimelineKind.NotificationSent, subject, nodeId, subject: channel);
    }

    private void ReplaceTask(TaskState task)
    {
        for (var i = 0; i < _tasks.Count; i++)
            if (_tasks[i].Id == task.Id) { _tasks[i] = task; return; }
    }

    /// <summary>Evaluates a guard; on an evaluation error the token gets an incident and the result is null.</summary>
    private bool? Test(Token token, string nodeId, Expressions.CompiledExpression expression)
    {
        try
        {
            return expression.Test(Scope);
        }
        catch (Expressions.ExpressionRuntimeException e)
        {
            RaiseIncident(FindToken(token.Id) ?? token, nodeId, e.Message);
            return null;
        }
    }

    private bool TryEvaluate(Token token, string nodeId, Expressions.CompiledExpression? expression, out object? value)
    {
        value = null;
        if (expression is null) return true;
        try
        {
            value = expression.Evaluate(Scope);
            return true;
        }
        catch (Expressions.ExpressionRuntimeException e)
        {
            RaiseIncident(FindToken(token.Id) ?? token, nodeId, e.Message);
            return false;
        }
    }

    private bool TryEvaluateText(Token token, string nodeId, Expressions.CompiledExpression? expression, out string text)
    {
        var ok = TryEvaluate(token, nodeId, expression, out var value);
        text = Expressions.DataTypes.ToText(value);
        return ok;
    }
}
