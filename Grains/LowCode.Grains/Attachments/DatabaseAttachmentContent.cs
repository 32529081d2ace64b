using LowCode.Grains.ReadModel;
using static LowCode.Grains.ReadModel.LowCodeDatabase;

namespace LowCode.Grains.Attachments;

/// <summary>
/// Attachment bytes in the shared database (<c>lc_attachment_content</c>, bytea on PostgreSQL), for cluster
/// mode: any instance can serve a file another instance received. Uploads are spooled to a local temp folder first.
/// </summary>
public sealed class DatabaseAttachmentContent(LowCodeDatabase database, string uploadFolder) : IAttachmentContent
{
    public string NewUploadFile()
    {
        Directory.CreateDirectory(uploadFolder);
        return Path.Combine(uploadFolder, $"{Guid.NewGuid():N}.part");
    }

    public async Task KeepAsync(string id, string uploadFile, CancellationToken ct = default)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(uploadFile, ct);
            await using var connection = await database.OpenAsync(ct);
            await using var command = Command(connection, "INSERT INTO lc_attachment_content (id, content) VALUES (@id, @content) ON CONFLICT (id) DO NOTHING", null,
                ("@id", id), ("@content", bytes));
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            File.Delete(uploadFile);
        }
    }

    public async Task<Stream?> OpenReadAsync(string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = Command(connection, "SELECT content FROM lc_attachment_content WHERE id = @id", null, ("@id", id));
        return await command.ExecuteScalarAsync(ct) is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
    }
}
