namespace LowCode.Forms.Components.Attachments;

/// <summary>
/// Reads and throws away the bytes and returns a made-up reference (<c>preview-…</c>): for the designer's
/// preview and demos, where a file field should behave but nothing is stored. Never register it where
/// real submissions are made. Without any uploader the file input is shown disabled.
/// </summary>
public sealed class DiscardingAttachmentUploader : IFormAttachmentUploader
{
    public async Task<FormAttachment> UploadAsync(Stream content, string name, string contentType, long size, CancellationToken cancellationToken)
    {
        await content.CopyToAsync(Stream.Null, cancellationToken);
        return new FormAttachment($"preview-{Guid.NewGuid():N}", name, size, contentType);
    }
}
