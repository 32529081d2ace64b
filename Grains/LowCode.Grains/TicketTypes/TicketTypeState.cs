using LowCode.Grains.Contracts;

namespace LowCode.Grains.TicketTypes;

/// <summary>Stored state of a ticket type grain.</summary>
public sealed class TicketTypeState
{
    public TicketTypeDefinition? Draft { get; set; }
    public DateTimeOffset DraftUpdatedAt { get; set; }
    public string DraftUpdatedBy { get; set; } = "";
    public bool DraftChanged { get; set; }
    public List<PublishedVersion> Versions { get; set; } = [];
}
