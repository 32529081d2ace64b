using LowCode.Forms.Components.Attachments;

namespace LowCode.Forms.Components.Tests.Support;

/// <summary>Keeps what it was sent, and answers with ids att-1, att-2...</summary>
public sealed class FakeUploader : IFormAttachmentUploader
{
    public List<(string Name, string ContentType, long Size, byte[] Bytes)> Uploads { get; } = [];

    public async Task<FormAttachment> UploadAsync(Stream content, string name, string contentType, long size, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        Uploads.Add((name, contentType, size, copy.ToArray()));
        return new FormAttachment($"att-{Uploads.Count}", name, size, contentType);
    }
}
