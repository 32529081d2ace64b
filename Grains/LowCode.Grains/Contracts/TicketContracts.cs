using System.Collections.Immutable;
using System.Text.Json.Serialization;
using LowCode.Runtime.Execution;
using LowCode.Runtime.Expressions.Context;
using LowCode.Runtime.Json;

namespace LowCode.Grains.Contracts;

/// <summary>A request to open a ticket of a type with its form data.</summary>
public sealed record CreateTicket(string TicketType, PersonInfo Requester, string Actor)
{
    [JsonConverter(typeof(DataRecordConverter))]
    public ImmutableDictionary<string, object?> Form { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public string? Title { get; init; }
    public string Priority { get; init; } = "P3";
    /// <summary>Set when a parent ticket's sub-ticket step created this one.</summary>
    public ParentLink? Parent { get; init; }
}

public sealed record ParentLink(string TicketId, string RequestId);

/// <summary>A comment on a ticket: public (the requester sees it) or internal (agents only).</summary>
public sealed record TicketComment(string Actor, string Text, bool Internal, DateTimeOffset At);

/// <summary>A ticket as the grain knows it (the timeline is served by the read model).</summary>
public sealed record TicketSnapshot(TicketState State, int Version)
{
    public ParentLink? Parent { get; init; }
}
