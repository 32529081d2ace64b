using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Validation;

// SLA policies: one per priority, positive targets in known calendars, thresholds that do something.
public sealed partial class WorkflowCompiler
{
    /// <summary>Ports SLA thresholds move work along; human steps may connect them (optional, unlike their own ports).</summary>
    private readonly HashSet<string> _slaPorts = new(StringComparer.Ordinal);

    private static bool IsHumanStep(Node node) => node is UserTaskNode or ApprovalNode;

    private void CheckSla()
    {
        if (_definition.Sla is not { } sla) return;
        if (sla.Calendar is { } calendar && !_context.Calendars.ContainsKey(calendar))
            Add(ProblemCodes.UnknownReference, $"Unknown business calendar '{calendar}'.", path: "sla.calendar");
        var priorities = new HashSet<string>(StringComparer.Ordinal);
        var policies = sla.Policies ?? [];
        for (var i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            var path = $"sla.policies[{i}]";
            if (policy is null || string.IsNullOrWhiteSpace(policy.Priority))
            {
                Add(ProblemCodes.InvalidSetting, "An SLA policy needs the priority it applies to (e.g. P1).", path: path + ".priority");
                continue;
            }
            if (!priorities.Add(policy.Priority))
                Add(ProblemCodes.Duplicate, $"Priority {policy.Priority} has two SLA policies.", path: path + ".priority");
            if (policy.FirstResponse is null && policy.Resolution is null)
                Add(ProblemCodes.InvalidSetting, $"The {policy.Priority} policy sets no target: give a first-response or a resolution time.", path: path);
            CheckSlaTarget(path + ".firstResponse", policy.FirstResponse);
            CheckSlaTarget(path + ".resolution", policy.Resolution);
            CheckThresholds(path, policy);
        }
    }

    private void CheckSlaTarget(string path, Duration? target)
    {
        if (target is null) return;
        if (target.Length <= TimeSpan.Zero) Add(ProblemCodes.InvalidSetting, "An SLA target must be longer than zero.", path: path);
        if (target.Calendar is not null && !_context.Calendars.ContainsKey(target.Calendar))
            Add(ProblemCodes.UnknownReference, $"Unknown business calendar '{target.Calendar}'.", path: path + ".calendar");
    }

    private void CheckThresholds(string policyPath, SlaPolicy policy)
    {
        var thresholds = policy.Thresholds ?? [];
        for (var j = 0; j < thresholds.Count; j++)
        {
            var threshold = thresholds[j];
            var path = $"{policyPath}.thresholds[{j}]";
            if (threshold is null) { Add(ProblemCodes.InvalidSetting, "An SLA threshold is empty.", path: path); continue; }
            if (threshold.Percent is < 1 or > 1000) Add(ProblemCodes.InvalidSetting, "The percentage must be between 1 and 1000.", path: path + ".percent");
            if (threshold.Clock is { } clock && policy.Target(clock) is null)
                Add(ProblemCodes.InvalidSetting, $"The {policy.Priority} policy has no {(clock == SlaClockKind.FirstResponse ? "first-response" : "resolution")} target for this threshold.", path: path + ".clock");
            var actions = threshold.Actions ?? [];
            if (actions.Count == 0 && threshold.Port is null)
                Add(ProblemCodes.InvalidSetting, "The threshold does nothing: add an action or a port to move the work along.", path: path + ".actions");
            CheckEscalationActions("", path, actions);
            if (threshold.Port is { } port)
            {
                if (!IsIdentifier(port)) Add(ProblemCodes.InvalidSetting, $"SLA port '{port}' must be a simple name (letters, digits, '_').", path: path + ".port");
                else _slaPorts.Add(port);
            }
        }
    }

    /// <summary>After connections are known: an SLA port no step connects moves nothing — worth a warning.</summary>
    private void CheckSlaPortsUsed()
    {
        foreach (var port in _slaPorts)
            if (!_targets.Values.Any(byPort => byPort.ContainsKey(port)))
                Add(ProblemCodes.UnconnectedPort, $"No step connects SLA port '{port}', so reaching its threshold moves nothing.", path: "sla", severity: ProblemSeverity.Warning);
    }
}
