using System.Text.Json.Serialization;
using LowCode.Runtime.Json;

namespace LowCode.Runtime.Execution;

/// <summary>One line of the audit trail: what happened, when, who did it, and what changed. A struct, carried inline by its effect.</summary>
public readonly record struct TimelineEntry(TimelineKind Kind, DateTimeOffset At, string Actor, string Summary)
{
    public string? NodeId { get; init; }
    public string? TaskId { get; init; }
    /// <summary>The field, variable or attribute that changed.</summary>
    public string? Subject { get; init; }

    [JsonConverter(typeof(DataValueConverter))]
    public object? Before { get; init; }

    [JsonConverter(typeof(DataValueConverter))]
    public object? After { get; init; }
}

public enum TimelineKind
{
    Created,
    StepEntered,
    TaskCreated,
    TaskAssigned,
    TaskCompleted,
    TaskCancelled,
    VariableChanged,
    FormChanged,
    PriorityChanged,
    EscalationFired,
    TimerArmed,
    HttpCallStarted,
    HttpCallCompleted,
    HttpCallFailed,
    NotificationSent,
    ChildTicketCreated,
    ChildTicketClosed,
    ExternalEvent,
    IncidentRaised,
    IncidentResolved,
    StatusChanged,
    Comment,
    Dispatch,
    Sla,
    /// <summary>Files a form referenced became the ticket's attachments (recorded by the ticket grain).</summary>
    AttachmentsLinked,
}
