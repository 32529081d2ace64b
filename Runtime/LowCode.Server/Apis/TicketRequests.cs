using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Runtime.Json;

namespace LowCode.Server.Apis;

/// <summary>Body of <c>POST /api/tickets</c>.</summary>
public sealed record CreateTicketRequest(string Type)
{
    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Form { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public string? Title { get; init; }
    public string? Priority { get; init; }
    /// <summary>Who the ticket is for; defaults to the caller.</summary>
    public RequesterRequest? Requester { get; init; }
}

public sealed record RequesterRequest(string Id, string Name)
{
    public string? Email { get; init; }
    public string? Department { get; init; }
    public string? Manager { get; init; }
    public string? Region { get; init; }
}

/// <summary>Body of <c>POST /api/tickets/{id}/tasks/{taskId}/complete</c>.</summary>
public sealed record CompleteTaskRequest(string Action)
{
    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Data { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public string? Comment { get; init; }
}

public sealed record AssignTaskRequest(string? Assignee)
{
    public string? Reason { get; init; }
}

/// <summary>Body of <c>POST …/reassign</c>.</summary>
public sealed record ReassignTaskRequest(string? Assignee)
{
    public string? Reason { get; init; }
}

/// <summary>Optional body of <c>POST …/claim</c> and <c>…/release</c>: why, for the timeline.</summary>
public sealed record AssignmentReasonRequest(string? Reason);

public sealed record CommentRequest(string Text)
{
    /// <summary>Internal comments are for agents only; public ones the requester sees.</summary>
    public bool Internal { get; init; }
}

public sealed record CancelRequest(string? Reason);
