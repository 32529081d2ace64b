using System.Collections.Immutable;

namespace LowCode.Forms.Validation;

/// <summary>
/// Every problem found, and the data to store: known, visible fields only, with defaults and
/// computed values applied. Store <see cref="CleanData"/> only when <see cref="IsValid"/>.
/// </summary>
public sealed record FormValidationResult(IReadOnlyList<FormProblem> Problems, ImmutableDictionary<string, object?> CleanData)
{
    public bool IsValid => Problems.Count == 0;
}
