using System.Collections.Immutable;

namespace LowCode.Grains.Attachments;

/// <summary>
/// An uploaded file as the server knows it: the type it checked (never the one the client claimed), the size
/// and SHA-256 it measured, who uploaded it, and the ticket it belongs to once a form referenced it.
/// </summary>
public sealed record AttachmentRecord(string Id, string Name, string ContentType, long Size, string Sha256, string Uploader, DateTimeOffset CreatedAt)
{
    public string? TicketId { get; init; }
    public DateTimeOffset? LinkedAt { get; init; }

    /// <summary>The value a file upload field stores: <c>{ id, name, size, contentType }</c> (see <c>LowCode.Forms.Schema.FileConstraints</c>).</summary>
    public ImmutableDictionary<string, object?> ToReference() => ImmutableDictionary.CreateRange(StringComparer.Ordinal, new KeyValuePair<string, object?>[]
    {
        new("id", Id), new("name", Name), new("size", (decimal)Size), new("contentType", ContentType),
    });

    /// <summary>May this attachment be put on a form of <paramref name="ticketId"/> by <paramref name="actor"/>?</summary>
    public bool UsableBy(string actor, string ticketId) => TicketId is null ? Uploader == actor : TicketId == ticketId;
}
