namespace LowCode.Forms.Components.Attachments;

/// <summary>
/// Stores the bytes of a file picked in a file field and returns its attachment reference, which the form
/// keeps as the field's value. The renderer has already checked the field's size, type and count limits;
/// the server checks them again. Throwing (or returning after cancellation) means the file is not added and
/// the user is told it could not be uploaded.
/// </summary>
public interface IFormAttachmentUploader
{
    Task<FormAttachment> UploadAsync(Stream content, string name, string contentType, long size, CancellationToken cancellationToken);
}
