using LowCode.Forms.Components.Attachments;
using LowCode.Server.Attachments;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace LowCode.Server.Ui;

/// <summary>
/// Files picked in a portal form go through <see cref="AttachmentIntake"/>, exactly like <c>POST /api/attachments</c>:
/// the same size limit, the type checked from the content, the signed-in person as uploader (so only they may
/// use it until a ticket links it).
/// </summary>
public sealed class FormAttachmentUploader(AttachmentIntake intake, AuthenticationStateProvider authentication) : IFormAttachmentUploader
{
    public async Task<FormAttachment> UploadAsync(Stream content, string name, string contentType, long size, CancellationToken cancellationToken)
    {
        var caller = Caller.From((await authentication.GetAuthenticationStateAsync()).User);
        if (caller.Id.Length == 0 || caller.IsClient) throw new InvalidOperationException("Only a signed-in person can upload from a form.");
        if (size > intake.MaxSizeBytes) throw new InvalidOperationException($"The file is larger than {intake.MaxSizeBytes} bytes.");
        var (attachment, refusal) = await intake.KeepAsync(content, name, caller.Id, cancellationToken);
        if (refusal is not null) throw new InvalidOperationException($"{refusal.Title} {refusal.Detail}");
        return new FormAttachment(attachment!.Id, attachment.Name, attachment.Size, attachment.ContentType);
    }
}
