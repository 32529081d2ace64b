using LowCode.Forms.Schema;

namespace LowCode.Designer.TicketTypes.FormDesign;

/// <summary>A field edited in the properties panel: the next field and the undo step's description.</summary>
public sealed record FieldChange(string Description, FormField Field);

/// <summary>The form's cross-field rules after an edit in the properties panel.</summary>
public sealed record RulesChange(string Description, List<CrossFieldRule> Rules);
