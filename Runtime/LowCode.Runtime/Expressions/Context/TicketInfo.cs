namespace LowCode.Runtime.Expressions.Context;

/// <summary>The ticket as expressions see it (<c>ticket.Priority == "P1"</c>).</summary>
public sealed record TicketInfo(string Id, string Type, string Priority, string Status, string Title, DateTimeOffset CreatedAt)
{
    public static readonly TicketInfo Blank = new("", "", "P3", "open", "", DateTimeOffset.MinValue);
}
