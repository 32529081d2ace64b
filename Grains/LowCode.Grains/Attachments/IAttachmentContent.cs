namespace LowCode.Grains.Attachments;

/// <summary>
/// Where the bytes of attachments are kept: files in the data folder (embedded mode) or a database table
/// (cluster mode, so every instance serves every file). An upload is first written to a file of
/// <see cref="NewUploadFile"/>, checked, then kept under its id.
/// </summary>
public interface IAttachmentContent
{
    /// <summary>A new, not yet existing path to write an upload to (on the same disk as kept files, so keeping it is a rename).</summary>
    string NewUploadFile();

    /// <summary>Keeps the upload's bytes (already flushed to disk) under the id, durably, and removes the upload file.</summary>
    Task KeepAsync(string id, string uploadFile, CancellationToken ct = default);

    /// <summary>The bytes of a kept attachment, or null when they are not there.</summary>
    Task<Stream?> OpenReadAsync(string id, CancellationToken ct = default);
}
