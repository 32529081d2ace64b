using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Grains.Attachments;
using LowCode.Grains.ReadModel;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Json;

namespace LowCode.Server.Apis;

/// <summary>A ticket as the API shows it: its data, tasks (with assignees and due times), timers and timeline.</summary>
public sealed record TicketView(string Id, string Type, int Version, string Title, string Status, string? Resolution, string Priority,
    TicketRequesterView Requester, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Form { get; init; } = ImmutableDictionary<string, object?>.Empty;
    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Variables { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public IReadOnlyList<TaskView> Tasks { get; init; } = [];
    public IReadOnlyList<DeadlineView> Deadlines { get; init; } = [];
    public IReadOnlyList<SlaView> Sla { get; init; } = [];
    public IReadOnlyList<Incident> Incidents { get; init; } = [];
    public IReadOnlyList<TimelineRow> Timeline { get; init; } = [];
    /// <summary>Files the ticket's forms brought, in the order they were attached.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    public static TicketView From(TicketState t, IReadOnlyList<TimelineRow> timeline, IReadOnlyList<AttachmentRecord> attachments) =>
        new(t.TicketId, t.TicketType, t.Version, t.Title, t.Status.ToString().ToLowerInvariant(), t.Resolution, t.Priority,
            new TicketRequesterView(t.Requester.Id, t.Requester.Name), t.CreatedAt, t.ClosedAt)
        {
            Form = t.Form,
            Variables = t.Vars,
            Tasks = t.Tasks.Select(TaskView.From).ToList(),
            Deadlines = t.Timers.Select(x => new DeadlineView(x.Id, x.Purpose.ToString().ToLowerInvariant(), x.DueAt, x.EscalationId)).ToList(),
            Incidents = t.Incidents,
            Sla = t.Sla.Select(SlaView.From).ToList(),
            Timeline = timeline,
            Attachments = attachments.Select(AttachmentView.From).ToList(),
        };
}

public sealed record TicketRequesterView(string Id, string Name);

public sealed record TaskView(string Id, string NodeId, string Name, string Status, string? Assignee, string Assignment,
    DateTimeOffset CreatedAt, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt, string? ClosedBy, string? Action, string? Comment)
{
    /// <summary>The queues and people the task is offered to for claiming ("Team:maintenance").</summary>
    public IReadOnlyList<string> OfferedTo { get; init; } = [];

    public static TaskView From(TaskState t) => new(t.Id, t.NodeId, t.Name, t.Status.ToString().ToLowerInvariant(), t.Assignee,
        t.Assignment.ToString(), t.CreatedAt, t.DueAt, t.ClosedAt, t.ClosedBy, t.Action, t.Comment)
    {
        OfferedTo = [.. t.Candidates.Select(c => c.ToString())],
    };
}

/// <summary>An SLA clock: its target, time counted so far (up to its last pause or stop), when it is due while running, and whether it was breached.</summary>
public sealed record SlaView(string Clock, string Priority, string Status, TimeSpan Target, bool BusinessTime, TimeSpan Elapsed,
    DateTimeOffset? RunningSince, DateTimeOffset? DueAt, bool Breached, DateTimeOffset? BreachedAt, DateTimeOffset? StoppedAt)
{
    public static SlaView From(SlaClock c) => new(c.Kind == Runtime.Definitions.SlaClockKind.FirstResponse ? "firstResponse" : "resolution",
        c.Priority, c.Status.ToString().ToLowerInvariant(), c.Target, c.BusinessTime, c.Elapsed, c.RunningSince, c.DueAt, c.Breached, c.BreachedAt, c.StoppedAt);
}

public sealed record DeadlineView(string Id, string Purpose, DateTimeOffset DueAt, string? Escalation);
