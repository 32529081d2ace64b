namespace LowCode.Designer.TicketTypes.Versions;

/// <summary>
/// One readable difference between two versions of a ticket type: what part (<see cref="Area"/>), which one
/// (<see cref="Subject"/>: a node id, a field key, a rule key, a priority…), and for a change the property with
/// its value before and after (compact JSON text; null when it was not set).
/// </summary>
public sealed record DefinitionChange(ChangeArea Area, ChangeKind Kind, string Subject)
{
    public string? Property { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }

    public override string ToString() => Kind switch
    {
        ChangeKind.Added or ChangeKind.Removed => $"{Area} {Kind.ToString().ToLowerInvariant()}: {Subject}",
        ChangeKind.Renamed => $"{Area} renamed: {Subject} '{Before}' → '{After}'",
        _ => $"{Area} changed: {Subject} {Property}: {Before ?? "(none)"} → {After ?? "(none)"}",
    };
}

public enum ChangeKind { Added, Removed, Renamed, Changed }

/// <summary>The parts of a ticket type a change can be in, in the order the history lists them.</summary>
public enum ChangeArea { TicketType, Node, Connection, Variable, TaskForm, Section, Field, FormRule, DispatchRule, Sla }
