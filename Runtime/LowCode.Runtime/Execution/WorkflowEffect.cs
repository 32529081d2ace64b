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
public abstract record WorkflowEffect(string TicketId, long Sequence)
{
    /// <summary>"ticket:sequence" — unique per ticket, the same on every retry.</summary>
    public string Key => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{TicketId}:{Sequence}");
}

/// <summary>A human step opened: dispatch should find its assignee by <see cref="TaskState.Assignment"/>.</summary>
public sealed record CreateTaskEffect(string TicketId, long Sequence, TaskState Task, string? TaskForm) : WorkflowEffect(TicketId, Sequence);

public sealed record CancelTaskEffect(string TicketId, long Sequence, string TaskId, string Reason) : WorkflowEffect(TicketId, Sequence);

/// <summary>An escalation moved a task to another participant.</summary>
public sealed record ReassignTaskEffect(string TicketId, long Sequence, string TaskId, Participant To) : WorkflowEffect(TicketId, Sequence);

public sealed record ArmTimerEffect(string TicketId, long Sequence, string TimerId, DateTimeOffset DueAt) : WorkflowEffect(TicketId, Sequence);

public sealed record CancelTimerEffect(string TicketId, long Sequence, string TimerId) : WorkflowEffect(TicketId, Sequence);

public sealed record SendNotificationEffect(string TicketId, long Sequence, string Channel, ImmutableArray<Participant> Recipients, string Subject, string Body) : WorkflowEffect(TicketId, Sequence);

public sealed record HttpCallEffect(string TicketId, long Sequence, string RequestId, string Method, string Url, ImmutableDictionary<string, string> Headers, string? Body, int Attempt, TimeSpan Timeout) : WorkflowEffect(TicketId, Sequence);

public sealed record CreateChildTicketEffect(string TicketId, long Sequence, string RequestId, string TicketType,
    [property: JsonConverter(typeof(Json.DataRecordConverter))] ImmutableDictionary<string, object?> Form, bool Wait) : WorkflowEffect(TicketId, Sequence);

/// <summary>An entry for the ticket's append-only timeline (audit trail).</summary>
public sealed record TimelineEffect(string TicketId, long Sequence, TimelineEntry Entry) : WorkflowEffect(TicketId, Sequence);
