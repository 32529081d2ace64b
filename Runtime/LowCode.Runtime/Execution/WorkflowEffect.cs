using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Execution;

/// <summary>
/// Work the host performs after it has stored the new state. <see cref="Key"/> is unique per ticket
/// and deterministic, so a host that retries after a crash can recognise work already done.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CreateTaskEffect), "createTask")]
[JsonDerivedType(typeof(CancelTaskEffect), "cancelTask")]
[JsonDerivedType(typeof(ReassignTaskEffect), "reassignTask")]
[JsonDerivedType(typeof(ArmTimerEffect), "armTimer")]
[JsonDerivedType(typeof(CancelTimerEffect), "cancelTimer")]
[JsonDerivedType(typeof(SendNotificationEffect), "notify")]
[JsonDerivedType(typeof(HttpCallEffect), "httpCall")]
[JsonDerivedType(typeof(CreateChildTicketEffect), "createChildTicket")]
[JsonDerivedType(typeof(TimelineEffect), "timeline")]
public abstract record WorkflowEffect(string Key);

/// <summary>A human step opened: dispatch should find its assignee by <see cref="TaskState.Assignment"/>.</summary>
public sealed record CreateTaskEffect(string Key, TaskState Task, string? TaskForm) : WorkflowEffect(Key);

public sealed record CancelTaskEffect(string Key, string TaskId, string Reason) : WorkflowEffect(Key);

/// <summary>An escalation moved a task to another participant.</summary>
public sealed record ReassignTaskEffect(string Key, string TaskId, Participant To) : WorkflowEffect(Key);

public sealed record ArmTimerEffect(string Key, string TimerId, DateTimeOffset DueAt) : WorkflowEffect(Key);

public sealed record CancelTimerEffect(string Key, string TimerId) : WorkflowEffect(Key);

public sealed record SendNotificationEffect(string Key, string Channel, ImmutableArray<Participant> Recipients, string Subject, string Body) : WorkflowEffect(Key);

public sealed record HttpCallEffect(string Key, string RequestId, string Method, string Url, ImmutableDictionary<string, string> Headers, string? Body, int Attempt, TimeSpan Timeout) : WorkflowEffect(Key);

public sealed record CreateChildTicketEffect(string Key, string RequestId, string TicketType,
    [property: JsonConverter(typeof(Json.DataRecordConverter))] ImmutableDictionary<string, object?> Form, bool Wait) : WorkflowEffect(Key);

/// <summary>An entry for the ticket's append-only timeline (audit trail).</summary>
public sealed record TimelineEffect(string Key, TimelineEntry Entry) : WorkflowEffect(Key);
