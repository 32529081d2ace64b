using System.Collections.Immutable;
using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Attachments;

/// <summary>
/// A stored file as a file field holds it: the attachment reference <c>{ id, name, size, contentType }</c>
/// (see <see cref="FileConstraints"/>); the bytes live in attachment storage.
/// </summary>
public sealed record FormAttachment(string Id, string Name, long Size, string ContentType)
{
    /// <summary>The record stored in the form data, in the JSON-natural shape the validator checks.</summary>
    public ImmutableDictionary<string, object?> ToValue() => ImmutableDictionary.CreateRange(StringComparer.Ordinal,
    [
        new KeyValuePair<string, object?>("id", Id),
        new KeyValuePair<string, object?>("name", Name),
        new KeyValuePair<string, object?>("size", (decimal)Size),
        new KeyValuePair<string, object?>("contentType", ContentType),
    ]);

    /// <summary>Reads a stored reference; anything else (odd data) reads as null.</summary>
    public static FormAttachment? FromValue(object? value) =>
        FieldValues.IsAttachment(value) && value is ImmutableDictionary<string, object?> a
            ? new((string)a["id"]!, (string)a["name"]!, (long)Math.Min((decimal)a["size"]!, long.MaxValue), (string)a["contentType"]!)
            : null;
}
