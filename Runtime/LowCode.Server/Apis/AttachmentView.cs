using LowCode.Grains.Attachments;

namespace LowCode.Server.Apis;

/// <summary>An attachment as the API shows it: what was checked at upload, who uploaded it, where to download it.</summary>
public sealed record AttachmentView(string Id, string Name, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string Url)
{
    public string? TicketId { get; init; }

    public static AttachmentView From(AttachmentRecord a) =>
        new(a.Id, a.Name, a.ContentType, a.Size, a.Sha256, a.Uploader, a.CreatedAt, $"/api/attachments/{a.Id}") { TicketId = a.TicketId };
}
