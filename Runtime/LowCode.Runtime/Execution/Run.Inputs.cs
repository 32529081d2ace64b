using System.Text.Json;
using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Execution;

// How each kind of input changes the ticket.
internal sealed partial class Run
{
    public void Handle(WorkflowInput input)
    {
        switch (input)
        {
            case CompleteTask complete: CompleteTask(complete); break;
            case AssignTask assign: AssignTask(assign); break;
            case OfferTask offer: OfferTask(offer); break;
            case DispatchTask dispatch: DispatchTask(dispatch); break;
            case TimerFired fired: TimerFired(fired); break;
            case HttpCallCompleted http: HttpCallCompleted(http); break;
            case ChildTicketClosed child: ChildTicketClosed(child); break;
            case ExternalEvent external: ExternalEvent(external); break;
            case CancelTicket cancel: Cancel(cancel); break;
            case RetryIncident retry: RetryIncident(retry); break;
            case RecordResponse: RequireOpen(); RespondSla(); break;
            default: throw new EngineException(EngineError.InvalidInput, $"Unknown input {input.GetType().Name}.");
        }
        Pump();
        ReconcileSla();
    }

    private void RequireOpen()
    {
        if (!IsOpen)
            throw new EngineException(EngineError.Conflict, $"Ticket {_original.TicketId} is {_status.ToString().ToLowerInvariant()} ({_resolution}).");
    }

    private TaskState RequireOpenTask(string taskId)
    {
        var task = _original.FindTask(taskId)
            ?? throw new EngineException(EngineError.NotFound, $"Ticket {_original.TicketId} has no task '{taskId}'.");
        if (task.Status == TaskStatus.Completed)
            throw new EngineException(EngineError.Conflict, $"Task '{taskId}' ({task.Name}) was already completed by {task.ClosedBy} at {task.ClosedAt:u} with '{task.Action}'.");
        if (task.Status == TaskStatus.Cancelled)
            throw new EngineException(EngineError.Conflict, $"Task '{taskId}' ({task.Name}) was cancelled: {task.Comment}.");
        RequireOpen();
        return task;
    }

    private void CompleteTask(CompleteTask input)
    {
        var task = RequireOpenTask(input.TaskId);
        var node = _plan.Nodes[task.NodeId].Node;
        if (!IsAction(node, input.Action))
            throw new EngineException(EngineError.InvalidInput,
                $"'{input.Action}' is not an action of step '{node.DisplayName}'. Available: {string.Join(", ", ActionsOf(node))}.");
        if (node is UserTaskNode userTask && userTask.Actions.First(a => a.Key == input.Action).RequiresComment && string.IsNullOrWhiteSpace(input.Comment))
            throw new EngineException(EngineError.InvalidInput, $"Action '{input.Action}' of step '{node.DisplayName}' requires a comment.");
        var token = FindToken(task.TokenId)
            ?? throw new EngineException(EngineError.Conflict, $"Task '{task.Id}' no longer belongs to a running branch.");

        ReplaceTask(task with
        {
            Status = TaskStatus.Completed, ClosedAt = _now, ClosedBy = _actor, Action = input.Action, Comment = input.Comment,
            Assignee = task.Assignee ?? _actor,
        });
        var data = input.Data ?? [];
        RespondSla();
        MergeForm(data);
        Timeline(TimelineKind.TaskCompleted, string.IsNullOrWhiteSpace(input.Comment) ? task.Name : $"{task.Name} — {input.Comment}",
            task.NodeId, task.Id, input.Action, after: data.IsEmpty ? null : data);

        if (node is ApprovalNode approval) DecideApproval(token, approval, input.Action);
        else LeaveStep(token, token.NodeId, input.Action, $"step completed with '{input.Action}'");
    }

    private static bool IsAction(Node node, string action)
    {
        if (node is UserTaskNode u)
        {
            foreach (var a in u.Actions) if (a.Key == action) return true;
            return false;
        }
        return node is ApprovalNode approval && (action is ApprovalActions.Approve or ApprovalActions.Reject || (approval.AllowSendBack && action == ApprovalActions.SendBack));
    }

    private static IEnumerable<string> ActionsOf(Node node) => node switch
    {
        UserTaskNode u => u.Actions.Select(a => a.Key),
        ApprovalNode { AllowSendBack: true } => [ApprovalActions.Approve, ApprovalActions.Reject, ApprovalActions.SendBack],
        ApprovalNode => [ApprovalActions.Approve, ApprovalActions.Reject],
        _ => [],
    };

    private void DecideApproval(Token token, ApprovalNode node, string action)
    {
        switch (action)
        {
            case ApprovalActions.Reject:
                LeaveStep(token, node.Id, Ports.Rejected, "rejected by another approver");
                return;
            case ApprovalActions.SendBack:
                LeaveStep(token, node.Id, Ports.SentBack, "sent back by another approver");
                return;
        }
        var level = node.Levels[token.Level];
        var stillOpen = false;
        for (var i = 0; i < _tasks.Count && !stillOpen; i++) stillOpen = _tasks[i].TokenId == token.Id && _tasks[i].Status == TaskStatus.Open;
        if (level.Mode == ApprovalMode.AllOf && stillOpen) return; // 会签: wait for the others
        foreach (var t in _tasks.Where(t => t.TokenId == token.Id && t.Status == TaskStatus.Open).ToList())
        {
            ReplaceTask(t with { Status = TaskStatus.Cancelled, ClosedAt = _now, ClosedBy = _actor, Comment = "decided by another approver" });
            Emit(new CancelTaskEffect(_original.TicketId, ++_sequence, t.Id, "decided by another approver"));
        }
        OpenApprovalLevel(token, node, token.Level + 1);
    }

    private void AssignTask(AssignTask input)
    {
        var task = RequireOpenTask(input.TaskId);
        var assignee = string.IsNullOrWhiteSpace(input.Assignee) ? null : input.Assignee;
        if (task.Assignee == assignee) return;
        if (assignee is not null && assignee == _actor) RespondSla(); // a claim is a response
        ReplaceTask(task with { Assignee = assignee });
        var what = assignee is null ? "released to the queue"
            : assignee == _actor ? $"claimed by {assignee}"
            : task.Assignee is null ? $"assigned to {assignee}"
            : $"reassigned to {assignee}";
        Timeline(TimelineKind.TaskAssigned, $"{task.Name} {what}{(input.Reason is null ? "" : $": {input.Reason}")}",
            task.NodeId, task.Id, "assignee", task.Assignee, assignee);
    }

    private void OfferTask(OfferTask input)
    {
        var task = RequireOpenTask(input.TaskId);
        if (input.To.IsDefaultOrEmpty) throw new EngineException(EngineError.InvalidInput, "Say whom to offer the task to.");
        if (task.Candidates.SequenceEqual(input.To)) return;
        ReplaceTask(task with { Candidates = input.To });
        Timeline(TimelineKind.Dispatch, $"{task.Name} offered to {string.Join(", ", input.To)}{(input.Reason is null ? "" : $": {input.Reason}")}",
            task.NodeId, task.Id, "candidates");
    }

    private void TimerFired(TimerFired input)
    {
        var index = -1;
        for (var i = 0; i < _timers.Count; i++) if (_timers[i].Id == input.TimerId) { index = i; break; }
        if (index < 0 || !IsOpen) return; // already fired, cancelled, or the ticket closed: firing again changes nothing
        var timer = _timers[index];
        _timers.RemoveAt(index);
        if (timer.Purpose == TimerPurpose.Sla)
        {
            SlaTimerFired(timer);
            return;
        }
        var token = FindToken(timer.TokenId);
        if (token is null) return;
        switch (timer.Purpose)
        {
            case TimerPurpose.Wait when token.Waiting == WaitKind.Timer && token.WaitKey == timer.Id:
                Advance(token, token.NodeId, Ports.Out);
                break;
            case TimerPurpose.Escalation when timer.EscalationId is not null:
                Escalate(token, timer.EscalationId);
                break;
            case TimerPurpose.Retry when _plan.Nodes[token.NodeId].Node is HttpCallNode http:
                StartHttpCall(token, http, token.Attempt + 1);
                break;
        }
    }

    private void HttpCallCompleted(HttpCallCompleted input)
    {
        var token = _tokens.Find(t => t.Waiting == WaitKind.HttpCall && t.WaitKey == input.RequestId);
        if (token is null || !IsOpen) return; // a duplicate or late response
        var node = (HttpCallNode)_plan.Nodes[token.NodeId].Node;
        if (input.Succeeded)
        {
            Timeline(TimelineKind.HttpCallCompleted, $"{node.DisplayName}: HTTP {input.StatusCode}", node.Id);
            if (!MapResponse(token, node, input.Body)) return;
            Advance(token, node.Id, Ports.Out);
            return;
        }
        var reason = input.Error ?? $"HTTP {input.StatusCode}";
        if (token.Attempt < node.Retry.MaxAttempts)
        {
            var backoff = node.Retry.BackoffAfter(token.Attempt);
            Timeline(TimelineKind.HttpCallFailed, $"{node.DisplayName}: {reason}; retrying in {backoff.TotalSeconds:0.#} s", node.Id);
            ArmTimer(token, TimerPurpose.Retry, _now + backoff);
            // The request id is kept for the retry so the external system can recognise a repeat.
            Wait(token, node.Id, WaitKind.Timer, input.RequestId, attempt: token.Attempt);
            return;
        }
        Timeline(TimelineKind.HttpCallFailed, $"{node.DisplayName}: {reason}; no attempts left", node.Id);
        Fail(token, node.Id, $"HTTP call '{node.DisplayName}' failed after {token.Attempt} attempts: {reason}");
    }

    private bool MapResponse(Token token, HttpCallNode node, string? body)
    {
        if (node.Response.Count == 0) return true;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
            foreach (var mapping in node.Response)
                if (JsonPath.TrySelect(document.RootElement, mapping.Path, out var value))
                    SetVariable(mapping.Variable, value, node.Id);
            return true;
        }
        catch (JsonException e)
        {
            Fail(token, node.Id, $"The response of '{node.DisplayName}' is not JSON: {e.Message}");
            return false;
        }
    }

    private void ChildTicketClosed(ChildTicketClosed input)
    {
        var token = _tokens.Find(t => t.Waiting == WaitKind.ChildTicket && t.WaitKey == input.RequestId);
        if (token is null || !IsOpen) return;
        var node = (SubTicketNode)_plan.Nodes[token.NodeId].Node;
        Timeline(TimelineKind.ChildTicketClosed, $"Child ticket {input.ChildTicketId} closed as {input.Resolution}", node.Id, subject: input.ChildTicketId);
        if (node.ResultVariable is not null) SetVariable(node.ResultVariable, input.Resolution, node.Id);
        Advance(token, node.Id, Ports.Out);
    }

    private void ExternalEvent(ExternalEvent input)
    {
        RequireOpen();
        Timeline(TimelineKind.ExternalEvent, $"Event '{input.Name}' received", subject: input.Name);
        foreach (var (name, value) in (input.Data ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
            if (_plan.VariableTypes.ContainsKey(name)) SetVariable(name, value, null);
    }

    private void Cancel(CancelTicket input)
    {
        RequireOpen();
        Close(TicketStatus.Cancelled, Resolutions.Cancelled, $"Cancelled: {input.Reason}", null);
    }

    private void RetryIncident(RetryIncident input)
    {
        RequireOpen();
        var incident = _incidents.Find(i => i.Id == input.IncidentId)
            ?? throw new EngineException(EngineError.NotFound, $"Ticket {_original.TicketId} has no open incident '{input.IncidentId}'.");
        _incidents.Remove(incident);
        Timeline(TimelineKind.IncidentResolved, $"Retrying after: {incident.Message}", incident.NodeId);
        if (FindToken(incident.TokenId) is { } token) MoveTo(token, token.NodeId);
    }
}
