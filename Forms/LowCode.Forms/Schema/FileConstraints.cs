namespace LowCode.Forms.Schema;

/// <summary>
/// Limits of a file upload field. Submitted values are attachment references
/// <c>{ id, name, size, contentType }</c>; the bytes live in attachment storage.
/// Content types may end in a wildcard (<c>image/*</c>).
/// </summary>
public sealed record FileConstraints
{
    public long? MaxSizeBytes { get; init; }
    public List<string>? AllowedContentTypes { get; init; }
    public int? MaxFiles { get; init; }

    /// <summary>Whether a file of this content type may be attached; without a list every type may.</summary>
    public bool AllowsContentType(string contentType) =>
        AllowedContentTypes is not { Count: > 0 } allowed || allowed.Any(a => Matches(a, contentType ?? ""));

    private static bool Matches(string? allowed, string actual) =>
        allowed is not null && (allowed.EndsWith("/*", StringComparison.Ordinal)
            ? actual.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(allowed, actual, StringComparison.OrdinalIgnoreCase));
}
