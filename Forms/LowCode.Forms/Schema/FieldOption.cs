namespace LowCode.Forms.Schema;

/// <summary>One choice of a select, radio or lookup: the stored value and the label users see.</summary>
public sealed record FieldOption(string Value, string? Label = null);

/// <summary>
/// Where a field's options come from: a static list, a named option set of the form
/// (<see cref="FormSchema.OptionSets"/>), or an http source the renderer queries (asset lookup).
/// Values from an http source are checked only when the caller supplies them
/// (<see cref="Validation.FormValidationContext.RemoteOptions"/>).
/// </summary>
public sealed record OptionSource
{
    public List<FieldOption>? Items { get; init; }
    public string? Set { get; init; }
    public string? Url { get; init; }
}
