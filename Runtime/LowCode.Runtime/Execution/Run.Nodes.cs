using System.Collections.Immutable;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Scripting;

namespace LowCode.Runtime.Execution;

// What each kind of node does when a token enters it.
internal sealed partial class Run
{
    /// <summary>The token enters <paramref name="nodeId"/>. Handlers use the node's id, not the token's (which still names where it came from).</summary>
    private void Execute(Token token, string nodeId)
    {
        var node = _plan.Nodes[nodeId].Node;
        // Steps that leave no entry of their own (a task, a notification, a call…) are recorded as entered.
        if (node is ConditionNode or ParallelSplitNode or TimerNode or SetVariablesNode or ScriptNode)
            Timeline(TimelineKind.StepEntered, node.DisplayName, node.Id);
        switch (node)
        {
            case StartNode: Advance(token, node.Id, Ports.Out); break;
            case EndNode end: Close(TicketStatus.Closed, end.Resolution, end.DisplayName, end.Id); break;
            case UserTaskNode task: EnterUserTask(token, task); break;
            case ApprovalNode approval: EnterApproval(token, approval); break;
            case ConditionNode condition: EnterCondition(token, condition); break;
            case ParallelSplitNode split: EnterSplit(token, split); break;
            case ParallelJoinNode join: EnterJoin(token, join); break;
            case TimerNode timer: EnterTimer(token, timer); break;
            case SetVariablesNode set: EnterSetVariables(token, set); break;
            case ScriptNode script: EnterScript(token, script); break;
            case HttpCallNode http: StartHttpCall(token, http, attempt: 1); break;
            case NotifyNode notify: EnterNotify(token, notify); break;
            case SubTicketNode sub: EnterSubTicket(token, sub); break;
        }
    }

    private void EnterUserTask(Token token, UserTaskNode node)
    {
        var assignment = node.Assignment;
        if (assignment.To is { } to)
        {
            if (!TryResolve(token, node.Id, "assignment.to", to, out var resolved)) return;
            assignment = assignment with { To = resolved };
        }
        OpenTask(token, node, assignment, node.Due, node.TaskForm);
        Wait(token, node.Id, WaitKind.Task);
        ArmEscalations(token, node.Escalations, node.Due);
    }

    private void EnterApproval(Token token, ApprovalNode node)
    {
        ArmEscalations(token, node.Escalations, node.Due);
        OpenApprovalLevel(token, node, 0);
    }

    /// <summary>Opens the first level at or after <paramref name="from"/> whose condition holds; none left means approved.</summary>
    private void OpenApprovalLevel(Token token, ApprovalNode node, int from)
    {
        for (var i = from; i < node.Levels.Count; i++)
        {
            var level = node.Levels[i];
            if (_plan.Expression(node.Id, $"levels[{i}].when") is { } when)
            {
                var applies = Test(token, node.Id, when);
                if (applies is null) return;
                if (applies is false) continue;
            }
            var name = string.IsNullOrWhiteSpace(level.Name) ? $"level {i + 1}" : level.Name;
            var approvers = ImmutableArray.CreateBuilder<Participant>(level.Approvers.Count);
            for (var j = 0; j < level.Approvers.Count; j++)
            {
                if (!TryResolve(token, node.Id, $"levels[{i}].approvers[{j}]", level.Approvers[j], out var approver)) return;
                approvers.Add(approver);
            }
            token = Wait(token, node.Id, WaitKind.Task, level: i);
            if (level.Mode == ApprovalMode.Single)
                OpenTask(token, node, new Assignment { To = approvers.Count == 1 ? approvers[0] : null }, node.Due, node.TaskForm, i, approvers.ToImmutable());
            else
                foreach (var approver in approvers)
                    OpenTask(token, node, new Assignment { To = approver }, node.Due, node.TaskForm, i);
            Timeline(TimelineKind.StepEntered, $"{node.DisplayName}: {name} ({level.Mode})", node.Id);
            return;
        }
        Timeline(TimelineKind.StepEntered, $"{node.DisplayName}: approved", node.Id);
        LeaveStep(token, node.Id, Ports.Approved, "approved");
    }

    private void EnterCondition(Token token, ConditionNode node)
    {
        for (var i = 0; i < node.Branches.Count; i++)
        {
            var result = Test(token, node.Id, _plan.Expression(node.Id, $"branches[{i}].when")!);
            if (result is null) return;
            if (result is true) { Advance(token, node.Id, node.Branches[i].Port); return; }
        }
        Advance(token, node.Id, Ports.Default);
    }

    private void EnterSplit(Token token, ParallelSplitNode node)
    {
        var fork = $"{node.Id}#{++_sequence}";
        _tokens.RemoveAll(t => t.Id == token.Id);
        foreach (var target in _plan.Nodes[node.Id].TargetsOf(Ports.Out))
        {
            var branch = new Token(NextId("k"), node.Id) { Forks = token.Forks.Add(fork), EnteredAt = _now };
            _tokens.Add(branch);
            MoveTo(branch, target);
        }
    }

    private void EnterJoin(Token token, ParallelJoinNode node)
    {
        var planNode = _plan.Nodes[node.Id];
        var fork = token.Forks.IsEmpty ? null : token.Forks[^1];
        if (fork is null || !fork.StartsWith(planNode.MatchingSplit + "#", StringComparison.Ordinal))
        {
            RaiseIncident(token, node.Id, $"A branch reached join '{node.DisplayName}' without coming from split '{planNode.MatchingSplit}'.");
            return;
        }
        Wait(token, node.Id, WaitKind.Join, fork);
        var arrived = _tokens.Where(t => t.NodeId == node.Id && t.Waiting == WaitKind.Join && t.WaitKey == fork).ToList();
        if (arrived.Count < (node.Required ?? planNode.BranchCount)) return;

        foreach (var t in arrived) _tokens.Remove(t);
        foreach (var straggler in _tokens.Where(t => t.Forks.Contains(fork)).ToList()) RemoveToken(straggler);
        var merged = new Token(NextId("k"), node.Id) { Forks = token.Forks.RemoveAt(token.Forks.Length - 1), EnteredAt = _now };
        _tokens.Add(merged);
        Timeline(TimelineKind.StepEntered, $"{node.DisplayName}: {arrived.Count} branches joined", node.Id);
        Advance(merged, node.Id, Ports.Out);
    }

    private void EnterTimer(Token token, TimerNode node)
    {
        DateTimeOffset due;
        if (node.Wait is not null) due = AddDuration(_now, node.Wait);
        else
        {
            if (!TryEvaluate(token, node.Id, _plan.Expression(node.Id, "until"), out var value)) return;
            due = DataTypes.ToInstant(value);
        }
        if (due <= _now) { Advance(token, node.Id, Ports.Out); return; }
        var timer = ArmTimer(token, TimerPurpose.Wait, due);
        Wait(token, node.Id, WaitKind.Timer, timer.Id);
        Timeline(TimelineKind.TimerArmed, $"{node.DisplayName}: waiting until {due:u}", node.Id, after: due);
    }

    private void EnterSetVariables(Token token, SetVariablesNode node)
    {
        for (var i = 0; i < node.Assignments.Count; i++)
        {
            if (!TryEvaluate(token, node.Id, _plan.Expression(node.Id, $"assignments[{i}].expression"), out var value)) return;
            SetVariable(node.Assignments[i].Variable, value, node.Id);
        }
        Advance(token, node.Id, Ports.Out);
    }

    private void EnterScript(Token token, ScriptNode node)
    {
        ScriptRunResult result;
        try
        {
            result = _plan.Scripts[node.Id + ":code"].Run(Scope, _plan.ScriptLimits);
        }
        catch (ScriptRuntimeException e)
        {
            Fail(token, node.Id, e.Message);
            return;
        }
        foreach (var (name, value) in result.ChangedVariables.OrderBy(p => p.Key, StringComparer.Ordinal))
            SetVariable(name, value, node.Id);
        Advance(token, node.Id, Ports.Out);
    }

    private void StartHttpCall(Token token, HttpCallNode node, int attempt)
    {
        string url, body;
        ImmutableDictionary<string, string> headers;
        try
        {
            url = _plan.Template(node.Id, "url").Render(Scope);
            body = node.Body is null ? "" : _plan.Template(node.Id, "body").Render(Scope);
            headers = node.Headers.ToImmutableDictionary(h => h.Key, h => _plan.Template(node.Id, $"headers.{h.Key}").Render(Scope));
        }
        catch (ExpressionRuntimeException e)
        {
            RaiseIncident(token, node.Id, e.Message);
            return;
        }
        var requestId = attempt > 1 && token.WaitKey is { } previous ? previous : $"{_original.TicketId}:{node.Id}:{NextId("h")}";
        Wait(token, node.Id, WaitKind.HttpCall, requestId, attempt: attempt);
        Emit(new HttpCallEffect(_original.TicketId, ++_sequence, requestId, node.Method.ToUpperInvariant(), url, headers, node.Body is null ? null : body, attempt, node.Timeout));
        Timeline(TimelineKind.HttpCallStarted, $"{node.Method.ToUpperInvariant()} {url} (attempt {attempt}/{node.Retry.MaxAttempts})", node.Id);
    }

    private void EnterNotify(Token token, NotifyNode node)
    {
        string subject, body;
        var recipients = _plan.Nodes[node.Id].StaticRecipients;
        try
        {
            subject = _plan.Template(node.Id, "subject").Render(Scope);
            body = _plan.Template(node.Id, "body").Render(Scope);
            if (recipients.IsDefault)
            {
                var resolved = ImmutableArray.CreateBuilder<Participant>(node.Recipients.Count);
                for (var i = 0; i < node.Recipients.Count; i++)
                {
                    var r = node.Recipients[i];
                    resolved.Add(r.Kind == ParticipantKind.Expression
                        ? new Participant(ParticipantKind.User, _plan.Expression(node.Id, $"recipients[{i}].value")!.EvaluateText(Scope))
                        : r);
                }
                recipients = resolved.MoveToImmutable();
            }
        }
        catch (ExpressionRuntimeException e)
        {
            RaiseIncident(token, node.Id, e.Message);
            return;
        }
        Notify(node.Channel, recipients, subject, body, node.Id);
        Advance(token, node.Id, Ports.Out);
    }

    private void EnterSubTicket(Token token, SubTicketNode node)
    {
        var form = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        foreach (var field in node.Form.Keys)
        {
            if (!TryEvaluate(token, node.Id, _plan.Expression(node.Id, $"form.{field}"), out var value)) return;
            form[field] = DataTypes.Store(value);
        }
        var requestId = $"{_original.TicketId}:{node.Id}:{NextId("c")}";
        Emit(new CreateChildTicketEffect(_original.TicketId, ++_sequence, requestId, node.TicketType, form.ToImmutable(), node.Wait));
        Timeline(TimelineKind.ChildTicketCreated, $"Child {node.TicketType} ticket requested", node.Id, subject: requestId);
        if (node.Wait) Wait(token, node.Id, WaitKind.ChildTicket, requestId);
        else Advance(token, node.Id, Ports.Out);
    }

    /// <summary>Leaves a human step: its remaining tasks and timers are cancelled, then the token moves on.</summary>
    private void LeaveStep(Token token, string nodeId, string port, string reason)
    {
        CancelStepWork(token, reason);
        Advance(FindToken(token.Id) ?? token, nodeId, port);
    }
}
