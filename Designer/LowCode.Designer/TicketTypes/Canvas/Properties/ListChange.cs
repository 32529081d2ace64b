namespace LowCode.Designer.TicketTypes.Canvas.Properties;

/// <summary>A list property's next items, and the port the change renamed or removed, if any.</summary>
public sealed record ListChange<T>(List<T> Items, PortChange? Port = null);
