using System.Globalization;
using LowCode.Designer.Localization;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Definitions;
using Microsoft.Extensions.Localization;

namespace LowCode.Designer.TicketTypes.Canvas;

/// <summary>
/// The one-line summaries a step's widget shows: who does a human step (its dispatch rule with team and strategy,
/// or the person / role / org-chart relation; an approval's levels) and its time limit (due time and escalations,
/// or a timer's wait).
/// </summary>
public sealed class NodeSummary(IStringLocalizer<CanvasText> text)
{
    public string? Assignee(Node node, IReadOnlyList<DispatchRuleDefinition> rules) => node switch
    {
        UserTaskNode task => Assignment(task.Assignment, rules),
        ApprovalNode approval when approval.Levels.Count > 0 => text[CanvasText.Levels, approval.Levels.Count,
            string.Join(" → ", approval.Levels.Select(l => string.Join(" / ", l.Approvers.Select(Participant))))],
        ApprovalNode => text[CanvasText.Unassigned],
        _ => null,
    };

    public string? Timing(Node node) => node switch
    {
        UserTaskNode task => Due(task.Due, task.Escalations.Count),
        ApprovalNode approval => Due(approval.Due, approval.Escalations.Count),
        TimerNode { Wait: { } wait } => text[CanvasText.WaitFor, Format(wait)],
        TimerNode { Until: { Length: > 0 } until } => text[CanvasText.WaitUntil, until],
        _ => null,
    };

    private string Assignment(Assignment assignment, IReadOnlyList<DispatchRuleDefinition> rules)
    {
        if (assignment.Rule is { } key)
        {
            var rule = rules.FirstOrDefault(r => r.Key == key);
            return rule is null ? text[CanvasText.Rule, key] : $"{text[CanvasText.Rule, key]} · {rule.Team ?? text[CanvasText.AllAgents]} · {rule.Strategy}";
        }
        return assignment.To is { } to ? Participant(to) : text[CanvasText.Unassigned];
    }

    private string Participant(Participant participant)
    {
        var kind = text[CanvasText.Participant(participant.Kind.ToString())];
        return participant.Value is null ? kind : $"{kind} {participant.Value}";
    }

    private string? Due(Duration? due, int escalations)
    {
        var parts = new List<string>();
        if (due is not null) parts.Add(text[CanvasText.Due, Format(due)]);
        if (escalations > 0) parts.Add(text[CanvasText.Escalations, escalations]);
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>A compact duration: <c>1d 4h</c>, <c>30m</c>, with "business" when it counts working hours only.</summary>
    public string Format(Duration duration)
    {
        var length = duration.Length;
        var parts = new List<string>();
        if (length.Days > 0) parts.Add(length.Days.ToString(CultureInfo.InvariantCulture) + "d");
        if (length.Hours > 0) parts.Add(length.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        if (length.Minutes > 0) parts.Add(length.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        if (parts.Count == 0) parts.Add(length.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s");
        var compact = string.Join(" ", parts);
        return duration.BusinessTime ? $"{compact} ({text[CanvasText.BusinessTime]})" : compact;
    }
}
