using LowCode.Runtime.Calendars;
using LowCode.Runtime.Samples;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// The business calendars ticket types may use. Today: the built-in ones; administrators will manage
/// them later, which is why everything asks this catalogue rather than a static list.
/// </summary>
public sealed class CalendarCatalog
{
    private readonly Dictionary<string, BusinessCalendar> _calendars = new(SampleTicketTypes.Calendars, StringComparer.Ordinal)
    {
        ["24x7"] = BusinessCalendar.AlwaysOpen,
    };

    public IReadOnlyDictionary<string, BusinessCalendar> All => _calendars;
}
