using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Json;

namespace LowCode.Runtime.Execution;

/// <summary>
/// Everything the engine knows about one ticket: its data, where its tokens stand, its tasks,
/// armed timers and open incidents. Immutable: the engine returns a new state for every input,
/// so a rejected input leaves the old state exactly as it was. Serialises to JSON as is.
/// </summary>
public sealed record TicketState
{
    public required string TicketId { get; init; }
    public required string TicketType { get; init; }
    public required int Version { get; init; }

    public TicketStatus Status { get; init; } = TicketStatus.Open;
    public string? Resolution { get; init; }
    public string Priority { get; init; } = "P3";
    public string Title { get; init; } = "";
    public PersonInfo Requester { get; init; } = PersonInfo.Nobody;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Form { get; init; } = ImmutableDictionary<string, object?>.Empty;

    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Vars { get; init; } = ImmutableDictionary<string, object?>.Empty;

    public ImmutableArray<Token> Tokens { get; init; } = [];
    public ImmutableArray<TaskState> Tasks { get; init; } = [];
    public ImmutableArray<TimerState> Timers { get; init; } = [];
    public ImmutableArray<Incident> Incidents { get; init; } = [];

    /// <summary>The ticket's SLA clocks (first response, resolution) under its priority's policy.</summary>
    public ImmutableArray<SlaClock> Sla { get; init; } = [];

    /// <summary>Monotonic counter for ids and effect idempotency keys.</summary>
    public long Sequence { get; init; }

    public bool IsClosed => Status != TicketStatus.Open;

    public TaskState? FindTask(string id)
    {
        foreach (var task in Tasks) if (task.Id == id) return task;
        return null;
    }

    public IEnumerable<TaskState> OpenTasks => Tasks.Where(t => t.Status == TaskStatus.Open);
}

public enum TicketStatus { Open, Closed, Cancelled }

/// <summary>A position in the flow. Parallel branches are separate tokens that remember the forks they came from.</summary>
public sealed record Token(string Id, string NodeId)
{
    /// <summary>Fork instances this token is inside, innermost last ("split1#7").</summary>
    public ImmutableArray<string> Forks { get; init; } = [];
    public WaitKind Waiting { get; init; }
    /// <summary>What the token waits for: a timer id, http request id, child request id or fork id.</summary>
    public string? WaitKey { get; init; }
    /// <summary>Approval level being decided (index into the node's levels).</summary>
    public int Level { get; init; }
    /// <summary>Attempt number of an http call.</summary>
    public int Attempt { get; init; }
    /// <summary>When the token entered its node.</summary>
    public DateTimeOffset EnteredAt { get; init; }
}

public enum WaitKind { None, Task, Timer, HttpCall, ChildTicket, Join, Incident }

public sealed record TaskState(string Id, string TokenId, string NodeId, string Name)
{
    public TaskStatus Status { get; init; } = TaskStatus.Open;
    public string Kind { get; init; } = "";
    public string? Assignee { get; init; }
    public Definitions.Assignment Assignment { get; init; } = new();
    /// <summary>Everyone who may take the task when it is offered to several people (single approval with many approvers).</summary>
    public ImmutableArray<Definitions.Participant> Candidates { get; init; } = [];
    public int? Level { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }
    public string? Action { get; init; }
    public string? Comment { get; init; }
}

public enum TaskStatus { Open, Completed, Cancelled }

public sealed record TimerState(string Id, TimerPurpose Purpose, DateTimeOffset DueAt, string TokenId)
{
    public string? EscalationId { get; init; }
}

public enum TimerPurpose { Wait, Escalation, Retry, Sla }

/// <summary>A step that failed (expression error, http call out of retries) and waits for someone to fix and retry it.</summary>
public sealed record Incident(string Id, string TokenId, string NodeId, string Message, DateTimeOffset At);
