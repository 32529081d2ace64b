using LowCode.Runtime.Definitions;
using LowCode.Runtime.Expressions;

namespace LowCode.Runtime.Validation;

// Per-kind rules: settings, references, and every expression, template and script compiled.
public sealed partial class WorkflowCompiler
{
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private void CheckNode(Node node)
    {
        switch (node)
        {
            case UserTaskNode task: CheckUserTask(task); break;
            case ApprovalNode approval: CheckApproval(approval); break;
            case ConditionNode condition: CheckCondition(condition); break;
            case TimerNode timer: CheckTimer(timer); break;
            case SetVariablesNode set: CheckSetVariables(set); break;
            case ScriptNode script: CheckScript(script); break;
            case HttpCallNode http: CheckHttpCall(http); break;
            case NotifyNode notify: CheckNotify(notify); break;
            case SubTicketNode sub: CheckSubTicket(sub); break;
            case EndNode end when string.IsNullOrWhiteSpace(end.Resolution):
                Add(ProblemCodes.InvalidSetting, "An end node needs a resolution (e.g. resolved, rejected).", node.Id, "resolution");
                break;
        }
    }

    private void CheckUserTask(UserTaskNode task)
    {
        CheckAssignment(task.Id, "assignment", task.Assignment);
        CheckTaskForm(task.Id, task.TaskForm);
        var actions = task.Actions ?? [];
        if (actions.Count == 0) Add(ProblemCodes.InvalidSetting, "A user task needs at least one action (e.g. resolve).", task.Id, "actions");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (a is null || string.IsNullOrWhiteSpace(a.Key) || !IsIdentifier(a.Key))
                Add(ProblemCodes.InvalidSetting, "An action needs a key made of letters, digits and '_'.", task.Id, $"actions[{i}].key");
            else if (!keys.Add(a.Key))
                Add(ProblemCodes.Duplicate, $"Action '{a.Key}' appears twice.", task.Id, $"actions[{i}].key");
        }
        CheckDuration(task.Id, "due", task.Due);
        CheckEscalations(task.Id, task.Escalations, task.Due, keys);
    }

    private void CheckApproval(ApprovalNode approval)
    {
        CheckTaskForm(approval.Id, approval.TaskForm);
        var levels = approval.Levels ?? [];
        if (levels.Count == 0) Add(ProblemCodes.InvalidSetting, "An approval needs at least one level with approvers.", approval.Id, "levels");
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            var path = $"levels[{i}]";
            if (level is null) { Add(ProblemCodes.InvalidSetting, "An approval level is empty.", approval.Id, path); continue; }
            if (!Enum.IsDefined(level.Mode)) Add(ProblemCodes.InvalidSetting, "Unknown approval mode.", approval.Id, path + ".mode");
            if (level.When is not null) Expr(approval.Id, path + ".when", level.When, typeof(bool));
            var approvers = level.Approvers ?? [];
            if (approvers.Count == 0) Add(ProblemCodes.InvalidSetting, $"Approval level '{level.Name}' has no approvers.", approval.Id, path + ".approvers");
            for (var j = 0; j < approvers.Count; j++) CheckParticipant(approval.Id, $"{path}.approvers[{j}]", approvers[j]);
        }
        CheckDuration(approval.Id, "due", approval.Due);
        CheckEscalations(approval.Id, approval.Escalations, approval.Due, [Ports.Approved, Ports.Rejected, Ports.SentBack]);
    }

    private void CheckCondition(ConditionNode condition)
    {
        var branches = condition.Branches ?? [];
        if (branches.Count == 0) Add(ProblemCodes.InvalidSetting, "A condition needs at least one branch besides the default.", condition.Id, "branches");
        var ports = new HashSet<string>(StringComparer.Ordinal) { Ports.Default };
        for (var i = 0; i < branches.Count; i++)
        {
            var b = branches[i];
            if (b is null || string.IsNullOrWhiteSpace(b.Port)) { Add(ProblemCodes.InvalidSetting, "A branch needs a port name.", condition.Id, $"branches[{i}].port"); continue; }
            if (!ports.Add(b.Port)) Add(ProblemCodes.Duplicate, $"Branch port '{b.Port}' is used twice (or clashes with 'default').", condition.Id, $"branches[{i}].port");
            Expr(condition.Id, $"branches[{i}].when", b.When, typeof(bool));
        }
    }

    private void CheckTimer(TimerNode timer)
    {
        if ((timer.Wait is null) == (timer.Until is null))
            Add(ProblemCodes.InvalidSetting, "A timer needs either a duration to wait or an 'until' date expression (not both).", timer.Id, "wait");
        CheckDuration(timer.Id, "wait", timer.Wait);
        if (timer.Until is not null) Expr(timer.Id, "until", timer.Until, typeof(DateTimeOffset));
    }

    private void CheckSetVariables(SetVariablesNode set)
    {
        var assignments = set.Assignments ?? [];
        if (assignments.Count == 0) Add(ProblemCodes.InvalidSetting, "Set variables has nothing to set.", set.Id, "assignments");
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            var path = $"assignments[{i}]";
            if (a is null || !_expressions.Schema.Variables.TryGetValue(a.Variable ?? "", out var variable))
            {
                Add(ProblemCodes.UnknownReference, $"Variable '{a?.Variable}' is not declared; add it to the flow's variables.", set.Id, path + ".variable");
                continue;
            }
            Expr(set.Id, path + ".expression", a.Expression, ExpectedType(variable.Type));
        }
    }

    private void CheckScript(ScriptNode script)
    {
        if (string.IsNullOrWhiteSpace(script.Code)) { Add(ProblemCodes.Script, "The script is empty.", script.Id, "code"); return; }
        var result = _context.Scripts.Compile(script.Code, _expressions.Schema);
        foreach (var e in result.Errors)
            Add(ProblemCodes.Script, e.Message, script.Id, "code", line: e.Line, column: e.Column);
        if (result.Script is not null) _scripts[script.Id + ":code"] = result.Script;
    }

    private void CheckHttpCall(HttpCallNode http)
    {
        if (!HttpMethods.Contains(http.Method?.ToUpperInvariant()))
            Add(ProblemCodes.InvalidSetting, $"HTTP method '{http.Method}' is not supported; use one of {string.Join(", ", HttpMethods)}.", http.Id, "method");
        if (string.IsNullOrWhiteSpace(http.Url))
            Add(ProblemCodes.InvalidSetting, "The http call needs a URL.", http.Id, "url");
        else if (!http.Url.StartsWith("{{", StringComparison.Ordinal) && !http.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !http.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            Add(ProblemCodes.InvalidSetting, "The URL must start with http:// or https://.", http.Id, "url");
        Template(http.Id, "url", http.Url, urlEncode: true);
        foreach (var (name, value) in http.Headers ?? []) Template(http.Id, $"headers.{name}", value);
        if (http.Body is not null) Template(http.Id, "body", http.Body);
        var retry = http.Retry ?? new RetryPolicy();
        if (retry.MaxAttempts is < 1 or > 20) Add(ProblemCodes.InvalidSetting, "Retry attempts must be between 1 and 20.", http.Id, "retry.maxAttempts");
        if (retry.InitialBackoff < TimeSpan.Zero || retry.Multiplier is < 1 or > 10) Add(ProblemCodes.InvalidSetting, "Backoff must be positive with a multiplier between 1 and 10.", http.Id, "retry");
        if (http.Timeout <= TimeSpan.Zero || http.Timeout > TimeSpan.FromMinutes(5)) Add(ProblemCodes.InvalidSetting, "Timeout must be between 0 and 5 minutes.", http.Id, "timeout");
        var mappings = http.Response ?? [];
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            if (m is null || !_expressions.Schema.Variables.ContainsKey(m.Variable ?? ""))
                Add(ProblemCodes.UnknownReference, $"Variable '{m?.Variable}' is not declared.", http.Id, $"response[{i}].variable");
            if (m is null || !Execution.JsonPath.IsValid(m.Path))
                Add(ProblemCodes.InvalidSetting, $"'{m?.Path}' is not a JSON path like $.data.items[0].id.", http.Id, $"response[{i}].path");
        }
    }

    private void CheckNotify(NotifyNode notify)
    {
        if (!NotifyChannels.All.Contains(notify.Channel))
            Add(ProblemCodes.InvalidSetting, $"Unknown channel '{notify.Channel}'; use one of {string.Join(", ", NotifyChannels.All)}.", notify.Id, "channel");
        var recipients = notify.Recipients ?? [];
        if (recipients.Count == 0 && notify.Channel != NotifyChannels.Webhook)
            Add(ProblemCodes.InvalidSetting, "The notification has no recipients.", notify.Id, "recipients");
        for (var i = 0; i < recipients.Count; i++) CheckParticipant(notify.Id, $"recipients[{i}]", recipients[i]);
        Template(notify.Id, "subject", notify.Subject);
        Template(notify.Id, "body", notify.Body);
    }

    private void CheckSubTicket(SubTicketNode sub)
    {
        if (string.IsNullOrWhiteSpace(sub.TicketType))
            Add(ProblemCodes.InvalidSetting, "Choose the ticket type of the child ticket.", sub.Id, "ticketType");
        else if (_context.TicketTypes is { } types && !types.Contains(sub.TicketType))
            Add(ProblemCodes.UnknownReference, $"Unknown ticket type '{sub.TicketType}'.", sub.Id, "ticketType");
        foreach (var (field, expression) in sub.Form ?? []) Expr(sub.Id, $"form.{field}", expression, null);
        if (sub.ResultVariable is not null && !_expressions.Schema.Variables.ContainsKey(sub.ResultVariable))
            Add(ProblemCodes.UnknownReference, $"Variable '{sub.ResultVariable}' is not declared.", sub.Id, "resultVariable");
    }

    private void CheckAssignment(string nodeId, string path, Assignment? assignment)
    {
        if (assignment is null || (assignment.Rule is null && assignment.To is null))
        {
            Add(ProblemCodes.InvalidSetting, "Say who does this step: choose a dispatch rule or a person, team or role.", nodeId, path);
            return;
        }
        if (assignment.Rule is not null && _context.DispatchRules is { } rules && !rules.Contains(assignment.Rule))
            Add(ProblemCodes.UnknownReference, $"Unknown dispatch rule '{assignment.Rule}'.", nodeId, path + ".rule");
        if (assignment.To is not null) CheckParticipant(nodeId, path + ".to", assignment.To);
    }

    private void CheckParticipant(string nodeId, string path, Participant? participant)
    {
        if (participant is null || !Enum.IsDefined(participant.Kind))
        {
            Add(ProblemCodes.InvalidSetting, "Unknown kind of participant.", nodeId, path);
            return;
        }
        var needsValue = participant.Kind is ParticipantKind.User or ParticipantKind.Team or ParticipantKind.Role or ParticipantKind.Expression;
        if (needsValue && string.IsNullOrWhiteSpace(participant.Value))
            Add(ProblemCodes.InvalidSetting, $"Say which {participant.Kind.ToString().ToLowerInvariant()}.", nodeId, path + ".value");
        else if (participant.Kind == ParticipantKind.Expression)
            Expr(nodeId, path + ".value", participant.Value!, typeof(string));
    }

    private void CheckTaskForm(string nodeId, string? taskForm)
    {
        if (taskForm is not null && _context.TaskForms is { } forms && !forms.Contains(taskForm))
            Add(ProblemCodes.UnknownReference, $"Unknown task form '{taskForm}'.", nodeId, "taskForm");
    }

    private void CheckDuration(string nodeId, string path, Duration? duration)
    {
        if (duration is null) return;
        if (duration.Length <= TimeSpan.Zero) Add(ProblemCodes.InvalidSetting, "The duration must be longer than zero.", nodeId, path);
        if (duration.Calendar is not null && !_context.Calendars.ContainsKey(duration.Calendar))
            Add(ProblemCodes.UnknownReference, $"Unknown business calendar '{duration.Calendar}'.", nodeId, path + ".calendar");
    }

    private void CheckEscalations(string nodeId, List<Escalation>? escalations, Duration? due, HashSet<string> reservedPorts)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var list = escalations ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            var path = $"escalations[{i}]";
            if (e is null || string.IsNullOrWhiteSpace(e.Id)) { Add(ProblemCodes.InvalidSetting, "An escalation needs an id.", nodeId, path + ".id"); continue; }
            if (!ids.Add(e.Id)) Add(ProblemCodes.Duplicate, $"Escalation '{e.Id}' appears twice.", nodeId, path + ".id");
            if ((e.After is null) == (e.AtPercentOfDue is null))
                Add(ProblemCodes.InvalidSetting, "An escalation fires either after a duration or at a percentage of the due time (one of them).", nodeId, path);
            CheckDuration(nodeId, path + ".after", e.After);
            if (e.AtPercentOfDue is { } percent)
            {
                if (percent is < 1 or > 1000) Add(ProblemCodes.InvalidSetting, "The percentage must be between 1 and 1000.", nodeId, path + ".atPercentOfDue");
                if (due is null) Add(ProblemCodes.InvalidSetting, "An escalation at a percentage needs the step to have a due time.", nodeId, path + ".atPercentOfDue");
            }
            if (e.Condition is not null) Expr(nodeId, path + ".condition", e.Condition, typeof(bool));
            if (e.Port is not null && (reservedPorts.Contains(e.Port) || !IsIdentifier(e.Port)))
                Add(ProblemCodes.InvalidSetting, $"Escalation port '{e.Port}' must be a new name (not an action or outcome of the step).", nodeId, path + ".port");
            var actions = e.Actions ?? [];
            if (actions.Count == 0 && e.Port is null)
                Add(ProblemCodes.InvalidSetting, "The escalation does nothing: add an action or a port to leave by.", nodeId, path + ".actions");
            CheckEscalationActions(nodeId, path, actions);
        }
    }

    /// <summary>Notify / reassign / raise priority, as steps' escalations and SLA thresholds use them.</summary>
    private void CheckEscalationActions(string nodeId, string path, List<EscalationAction> actions)
    {
        for (var j = 0; j < actions.Count; j++)
        {
            var a = actions[j];
            var actionPath = $"{path}.actions[{j}]";
            if (a is null) { Add(ProblemCodes.InvalidSetting, "An escalation action is empty.", nodeId, actionPath); continue; }
            if (a.Kind == EscalationActionKind.RaisePriority && string.IsNullOrWhiteSpace(a.Priority))
                Add(ProblemCodes.InvalidSetting, "Say which priority to raise to (e.g. P1).", nodeId, actionPath + ".priority");
            if (a.Kind == EscalationActionKind.Reassign && a.To is null)
                Add(ProblemCodes.InvalidSetting, "Say who to reassign to.", nodeId, actionPath + ".to");
            if (a.To is not null) CheckParticipant(nodeId, actionPath + ".to", a.To);
            if (a.Kind == EscalationActionKind.Notify) Template(nodeId, actionPath + ".message", a.Message ?? "");
        }
    }

    private void Expr(string nodeId, string path, string? text, Type? expected)
    {
        var result = _expressions.Compile(text ?? "", expected);
        foreach (var e in result.Errors)
            Add(ProblemCodes.Expression, e.Message, nodeId, path, line: e.Line, column: e.Column);
        if (result.Expression is not null) _compiled[nodeId + ":" + path] = result.Expression;
    }

    private void Template(string nodeId, string path, string? text, bool urlEncode = false)
    {
        var (template, errors) = CompiledTemplate.Compile(text, _expressions, urlEncode);
        foreach (var e in errors)
            Add(ProblemCodes.Expression, e.Message, nodeId, path, line: e.Line, column: e.Column);
        if (template is not null) _templates[nodeId + ":" + path] = template;
    }

    private static Type? ExpectedType(DataType type) => type switch
    {
        DataType.Number or DataType.Money => typeof(decimal),
        DataType.Boolean => typeof(bool),
        DataType.Date or DataType.DateTime => typeof(DateTimeOffset),
        DataType.Text or DataType.Choice or DataType.User or DataType.Team => typeof(string),
        _ => null,
    };
}
