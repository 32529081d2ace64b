using LowCode.Runtime.Calendars;
using LowCode.Runtime.Expressions;
using LowCode.Runtime.Scripting;

namespace LowCode.Runtime.Validation;

/// <summary>
/// What a flow is checked against: the ticket type's form fields (and task form fields) for
/// expression typing, and the names the flow may refer to. A null set means "not checked here".
/// </summary>
public sealed record PlanContext
{
    public static readonly PlanContext Empty = new();

    public string TicketType { get; init; } = "";
    public int Version { get; init; }
    public IReadOnlyList<FieldSchema> FormFields { get; init; } = [];
    public IReadOnlySet<string>? TaskForms { get; init; }
    public IReadOnlySet<string>? DispatchRules { get; init; }
    public IReadOnlySet<string>? TicketTypes { get; init; }
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; init; } = new Dictionary<string, BusinessCalendar>();
    public ScriptCompiler Scripts { get; init; } = SharedScripts;
    public ScriptLimits ScriptLimits { get; init; } = ScriptLimits.Default;

    private static readonly ScriptCompiler SharedScripts = new();
}
