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
}
