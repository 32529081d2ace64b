using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Execution;

/// <summary>
/// Something that happened to a ticket. Time comes from <see cref="At"/>, never from a clock,
/// so the same inputs always give the same state.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StartTicket), "start")]
[JsonDerivedType(typeof(CompleteTask), "completeTask")]
[JsonDerivedType(typeof(AssignTask), "assignTask")]
[JsonDerivedType(typeof(OfferTask), "offerTask")]
[JsonDerivedType(typeof(DispatchTask), "dispatchTask")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(HttpCallCompleted), "httpCallCompleted")]
[JsonDerivedType(typeof(ChildTicketClosed), "childTicketClosed")]
[JsonDerivedType(typeof(ExternalEvent), "externalEvent")]
[JsonDerivedType(typeof(CancelTicket), "cancel")]
[JsonDerivedType(typeof(RetryIncident), "retryIncident")]
[JsonDerivedType(typeof(RecordResponse), "recordResponse")]
public abstract record WorkflowInput
{
    public DateTimeOffset At { get; init; }
    /// <summary>User id, client id or "system".</summary>
    public string Actor { get; init; } = "system";
}

public sealed record StartTicket(ImmutableDictionary<string, object?> Form) : WorkflowInput
{
    public PersonInfo Requester { get; init; } = PersonInfo.Nobody;
    public string Title { get; init; } = "";
    public string Priority { get; init; } = "P3";
}

public sealed record CompleteTask(string TaskId, string Action) : WorkflowInput
{
    /// <summary>Task form values; merged into the ticket's form data.</summary>
    public ImmutableDictionary<string, object?> Data { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public string? Comment { get; init; }
}

/// <summary>Claim, release (assignee null) or reassign a task.</summary>
public sealed record AssignTask(string TaskId, string? Assignee) : WorkflowInput
{
    public string? Reason { get; init; }
}

/// <summary>
/// Offers an unassigned task to a queue — a team, role or several people — for whoever claims it first
/// (a dispatch rule's "offer to the team queue" strategy or its fallback).
/// </summary>
public sealed record OfferTask(string TaskId, ImmutableArray<Definitions.Participant> To) : WorkflowInput
{
    public string? Reason { get; init; }
}

/// <summary>
/// What dispatch decided for a task, applied as one change: an assignee (capacity already reserved),
/// a queue to offer it to, or both unset when nobody could be found; people to notify (escalation);
/// and the decision record (rule, version, candidates, scores, why) that goes on the timeline.
/// </summary>
public sealed record DispatchTask(string TaskId, string Summary) : WorkflowInput
{
    public string? Assignee { get; init; }
    /// <summary>Take the task from its assignee (the person it was assigned to cannot hold it) before offering it.</summary>
    public bool Unassign { get; init; }
    public ImmutableArray<Definitions.Participant> Offer { get; init; } = [];
    public ImmutableArray<Definitions.Participant> Notify { get; init; } = [];

    [JsonConverter(typeof(Json.DataRecordConverter))]
    public ImmutableDictionary<string, object?> Decision { get; init; } = ImmutableDictionary<string, object?>.Empty;
}

public sealed record TimerFired(string TimerId) : WorkflowInput;

public sealed record HttpCallCompleted(string RequestId, int StatusCode) : WorkflowInput
{
    public string? Body { get; init; }
    public string? Error { get; init; }
    public bool Succeeded => Error is null && StatusCode is >= 200 and < 300;
}

public sealed record ChildTicketClosed(string RequestId, string ChildTicketId, string Resolution) : WorkflowInput;

/// <summary>An integration reports something; declared variables named in <see cref="Data"/> are updated.</summary>
public sealed record ExternalEvent(string Name) : WorkflowInput
{
    public ImmutableDictionary<string, object?> Data { get; init; } = ImmutableDictionary<string, object?>.Empty;
}

public sealed record CancelTicket(string Reason) : WorkflowInput;

public sealed record RetryIncident(string IncidentId) : WorkflowInput;

/// <summary>A member of staff answered the requester (e.g. a public comment): the first-response SLA is met.</summary>
public sealed record RecordResponse : WorkflowInput;
