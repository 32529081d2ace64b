using System.Collections.Immutable;

namespace LowCode.Forms.Validation;

/// <summary>
/// Every problem found, and the data to store: known, visible fields only, with defaults and
/// computed values applied. Store <see cref="CleanData"/> only when <see cref="IsValid"/>.
/// </summary>
public sealed record FormValidationResult(IReadOnlyList<FormProblem> Problems, ImmutableDictionary<string, object?> CleanData)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// The keys of the fields that were shown and checked (not marked hidden, visibleWhen true), so a
    /// renderer shows exactly the fields the server validates.
    /// </summary>
    public ImmutableHashSet<string> VisibleFields { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The visible fields that must be filled in for this data (<c>required</c>, or <c>requiredWhen</c> true).</summary>
    public ImmutableHashSet<string> RequiredFields { get; init; } = ImmutableHashSet<string>.Empty;
}
