namespace LowCode.Grains.Attachments;

/// <summary>
/// Attachment bytes as files under a folder of the data folder: <c>ab/att-ab…</c> (a level of folders by the
/// id's first characters keeps directories small). An upload is written and fsync'd under <c>.uploads/</c>,
/// then renamed into place (atomic on one file system) and the folder fsync'd, so a kept file is whole and survives a crash.
/// </summary>
public sealed class DiskAttachmentContent : IAttachmentContent
{
    private readonly string _root;
    private readonly string _uploads;

    public DiskAttachmentContent(string root)
    {
        _root = Path.GetFullPath(root);
        _uploads = Path.Combine(_root, ".uploads");
        Directory.CreateDirectory(_uploads);
        RemoveAbandonedUploads();
    }

    /// <summary>Uploads a crash interrupted (kept files are never under <c>.uploads/</c>): gone an hour after.</summary>
    private void RemoveAbandonedUploads()
    {
        foreach (var file in new DirectoryInfo(_uploads).EnumerateFiles("*.part").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)))
        {
            try { file.Delete(); }
            catch (IOException) { } // in use after all; the next start tries again
        }
    }

    public string Root => _root;

    public string NewUploadFile() => Path.Combine(_uploads, $"{Guid.NewGuid():N}.part");

    public Task KeepAsync(string id, string uploadFile, CancellationToken ct = default)
    {
        var path = PathOf(id);
        var folder = Path.GetDirectoryName(path)!;
        var created = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        if (created) DirectorySync.Flush(_root);
        File.Move(uploadFile, path, overwrite: false);
        DirectorySync.Flush(folder);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string id, CancellationToken ct = default)
    {
        var path = PathOf(id);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null);
    }

    /// <summary>Where an attachment's file lives. Ids are checked by the caller (<see cref="AttachmentIds.IsValid"/>).</summary>
    public string PathOf(string id)
    {
        if (!AttachmentIds.IsValid(id)) throw new ArgumentException($"'{id}' is not an attachment id.", nameof(id));
        return Path.Combine(_root, id.Substring(4, 2), id);
    }
}
