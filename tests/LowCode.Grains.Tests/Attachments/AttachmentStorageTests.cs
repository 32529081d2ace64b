using LowCode.Grains.Attachments;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Grains.Tests.Storage;
using Xunit;

namespace LowCode.Grains.Tests.Attachments;

/// <summary>
/// Attachment rows and bytes on both databases: files in a folder beside SQLite (embedded), a bytea table
/// in PostgreSQL (cluster: a second instance, with nothing but the database in common, reads the same bytes).
/// </summary>
public sealed class AttachmentStorageTests
{
    private static readonly byte[] Bytes = [.. "%PDF-1.4 invoice 发票"u8, .. Enumerable.Range(0, 256).Select(i => (byte)i)];

    [Fact]
    public async Task Sqlite_keeps_rows_in_the_database_and_bytes_as_files_of_the_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"lowcode-attachments-{Guid.NewGuid():N}");
        try
        {
            var database = new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={Path.Combine(folder, "lowcode.db")}");
            Directory.CreateDirectory(folder);
            var content = new DiskAttachmentContent(Path.Combine(folder, "attachments"));
            var id = await StoreAndLink(database, content);

            Assert.Equal(Bytes, await File.ReadAllBytesAsync(content.PathOf(id)));
            Assert.Empty(Directory.GetFiles(Path.Combine(folder, "attachments", ".uploads")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_keeps_rows_and_bytes_in_the_database_for_every_instance()
    {
        var connectionString = await TestPostgres.CreateScratchDatabaseAsync();
        try
        {
            var database = new LowCodeDatabase(StorageKind.Postgres, connectionString);
            var id = await StoreAndLink(database, new DatabaseAttachmentContent(database, Path.Combine(Path.GetTempPath(), "lowcode-uploads")));

            var otherInstance = new DatabaseAttachmentContent(new LowCodeDatabase(StorageKind.Postgres, connectionString), Path.GetTempPath());
            await using var stream = (await otherInstance.OpenReadAsync(id))!;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(Bytes, copy.ToArray());
        }
        finally
        {
            await TestPostgres.DropAsync(connectionString);
        }
    }

    /// <summary>Upload, record, read back, link all-or-nothing, list by ticket; returns the id.</summary>
    private static async Task<string> StoreAndLink(LowCodeDatabase database, IAttachmentContent content)
    {
        await new TicketReadModel(database).ApplySchemaAsync();
        var catalog = new AttachmentCatalog(database);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_772_413_200_000);
        var (invoice, other) = (await Upload(catalog, content, "发票 invoice.pdf", "u-zhang", now), await Upload(catalog, content, "b.pdf", "u-wang", now));

        Assert.Equal(("发票 invoice.pdf", "application/pdf", (long)Bytes.Length), (invoice.Name, invoice.ContentType, invoice.Size));
        await using (var stream = (await content.OpenReadAsync(invoice.Id))!)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(Bytes, copy.ToArray());
        }
        Assert.Null(await content.OpenReadAsync(AttachmentIds.New()));

        Assert.Equal([other.Id], await catalog.LinkAsync([invoice.Id, other.Id], "T-1", "u-zhang", now)); // not hers to link: nothing is
        Assert.Null((await catalog.GetAsync(invoice.Id))!.TicketId);
        Assert.Empty(await catalog.LinkAsync([invoice.Id], "T-1", "u-zhang", now.AddSeconds(1)));
        Assert.Equal([invoice.Id], await catalog.LinkAsync([invoice.Id], "T-2", "u-zhang", now)); // already on T-1

        var linked = Assert.Single(await catalog.OfTicketAsync("T-1"));
        Assert.Equal((invoice.Id, "T-1", now.AddSeconds(1)), (linked.Id, linked.TicketId, linked.LinkedAt));
        Assert.Equal(2, (await catalog.GetManyAsync([invoice.Id, other.Id, "att-missing"])).Count);
        return invoice.Id;
    }

    private static async Task<AttachmentRecord> Upload(AttachmentCatalog catalog, IAttachmentContent content, string name, string uploader, DateTimeOffset at)
    {
        var file = content.NewUploadFile();
        await File.WriteAllBytesAsync(file, Bytes);
        var record = new AttachmentRecord(AttachmentIds.New(), name, "application/pdf", Bytes.Length, new string('a', 64), uploader, at);
        await content.KeepAsync(record.Id, file);
        Assert.False(File.Exists(file));
        await catalog.AddAsync(record);
        return record;
    }
}
