using System.Collections.Immutable;
using LowCode.Runtime.Calendars;
using LowCode.Runtime.Expressions.Context;

namespace LowCode.Runtime.Expressions;

/// <summary>
/// Everything an expression or script can read for one evaluation: <c>form</c>, <c>vars</c>,
/// <c>ticket</c>, <c>requester</c>, <c>agent</c>, <c>now</c> and <c>cal</c> (business-time arithmetic).
/// Values are read-only snapshots; dispatch reuses one scope and swaps <see cref="Agent"/> per candidate.
/// </summary>
public sealed class ExpressionScope
{
    public ImmutableDictionary<string, object?> Form { get; set; } = ImmutableDictionary<string, object?>.Empty;
    public ImmutableDictionary<string, object?> Vars { get; set; } = ImmutableDictionary<string, object?>.Empty;
    public TicketInfo Ticket { get; set; } = TicketInfo.Blank;
    public PersonInfo Requester { get; set; } = PersonInfo.Nobody;
    public AgentInfo Agent { get; set; } = AgentInfo.Nobody;
    public DateTimeOffset Now { get; set; }
    public BusinessCalendar Calendar { get; set; } = BusinessCalendar.AlwaysOpen;
}
