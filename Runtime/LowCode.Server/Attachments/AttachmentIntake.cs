using LowCode.Grains.Attachments;
using LowCode.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace LowCode.Server.Attachments;

/// <summary>
/// Where every upload ends, from <c>POST /api/attachments</c> or a portal form: the type is checked from the
/// content (programs and web pages refused), the bytes are made durable, then the catalog row is written,
/// with the signed-in person as uploader. One path, one set of limits.
/// </summary>
public sealed class AttachmentIntake(IAttachmentContent content, AttachmentCatalog catalog, IOptions<AttachmentOptions> options, TicketClock clock)
{
    public long MaxSizeBytes => options.Value.MaxSizeBytes;

    public IAttachmentContent Content => content;

    /// <summary>Keeps a received upload file (always removed afterwards) or says why not.</summary>
    public async Task<(AttachmentRecord? Attachment, UploadRefusal? Refusal)> KeepAsync(ReceivedFile file, string uploader, CancellationToken ct = default)
    {
        try
        {
            if (file.Size == 0) return (null, new UploadRefusal(400, "The request could not be read.", "The file is empty."));
            var type = FileSniffer.Identify(file.Head, file.FileName, options.Value.Blocked);
            if (type.Refused) return (null, new UploadRefusal(415, "This kind of file is not accepted.", type.Refusal!));
            var attachment = new AttachmentRecord(AttachmentIds.New(), file.FileName, type.ContentType, file.Size, file.Sha256, uploader, clock.Now);
            await content.KeepAsync(attachment.Id, file.Path); // the bytes are durable before the row says they exist
            await catalog.AddAsync(attachment, ct);
            return (attachment, null);
        }
        finally
        {
            if (File.Exists(file.Path)) File.Delete(file.Path);
        }
    }

    /// <summary>Receives a stream (a file picked in a form) under the same size limit, then keeps it.</summary>
    public async Task<(AttachmentRecord? Attachment, UploadRefusal? Refusal)> KeepAsync(Stream stream, string name, string uploader, CancellationToken ct = default)
    {
        var (file, tooLarge) = await UploadReader.ReceiveAsync(stream, FileNames.Clean(name), content.NewUploadFile(), MaxSizeBytes, ct);
        if (file is null) return (null, new UploadRefusal(413, "The file is too large.", tooLarge ?? "The file is too large."));
        return await KeepAsync(file, uploader, ct);
    }
}

/// <summary>Why an upload was refused, as a problem response would say it.</summary>
public sealed record UploadRefusal(int Status, string Title, string Detail)
{
    public IResult ToResult() => Results.Problem(statusCode: Status, title: Title, detail: Detail);
}
