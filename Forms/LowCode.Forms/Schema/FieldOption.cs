namespace LowCode.Forms.Schema;

/// <summary>One choice of a select, radio or lookup: the stored value and the label users see.</summary>
public sealed record FieldOption(string Value, string? Label = null);

/// <summary>
/// Where a field's options come from: a static list, a named option set of the form
/// (<see cref="FormSchema.OptionSets"/>), or an http source the renderer queries (asset lookup).
/// Values from an http source are checked only when the caller supplies them
/// (<see cref="Validation.FormValidationContext.RemoteOptions"/>).
/// </summary>
/// <remarks>
/// An http source is asked <c>GET {url}?q={typed text}</c> and answers JSON: an array of
/// <c>{ "value": "...", "label": "...", "detail": "..." }</c> (label and detail optional), or an object holding such
/// an array at <see cref="ItemsPath"/>; <see cref="ValueField"/> and <see cref="LabelField"/> name other properties.
/// </remarks>
public sealed record OptionSource
{
    public List<FieldOption>? Items { get; init; }
    public string? Set { get; init; }
    /// <summary>An absolute http(s) address, or a path on this site (<c>/api/assets</c>).</summary>
    public string? Url { get; init; }
    /// <summary>Dotted path to the array in the answer (<c>data.items</c>); the answer itself when empty.</summary>
    public string? ItemsPath { get; init; }
    /// <summary>The property holding an option's stored value; <c>value</c> by default.</summary>
    public string? ValueField { get; init; }
    /// <summary>The property holding the name people see; <c>label</c> by default.</summary>
    public string? LabelField { get; init; }

    /// <summary>A path on this site: no scheme, no host (<c>//host</c> is another site).</summary>
    public static bool IsSitePath(string url) => url.Length > 1 && url[0] == '/' && url[1] is not ('/' or '\\');
}
