using System.Collections.Immutable;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Forms.Validation;

/// <summary>
/// What the form's expressions may read besides <c>form</c> (<c>now</c>, <c>requester</c>, <c>ticket</c>,
/// <c>vars</c>), and option values the caller fetched from http sources, keyed by source URL.
/// </summary>
public sealed record FormValidationContext
{
    public static readonly FormValidationContext Default = new();

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
    public PersonInfo Requester { get; init; } = PersonInfo.Nobody;
    public TicketInfo Ticket { get; init; } = TicketInfo.Blank;
    public ImmutableDictionary<string, object?> Vars { get; init; } = ImmutableDictionary<string, object?>.Empty;
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> RemoteOptions { get; init; } =
        ImmutableDictionary<string, IReadOnlyCollection<string>>.Empty;
}
