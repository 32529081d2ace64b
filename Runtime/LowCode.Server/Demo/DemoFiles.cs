using System.Collections.Immutable;
using System.Text;
using LowCode.Grains.Attachments;
using LowCode.Grains.Hosting;

namespace LowCode.Server.Demo;

/// <summary>Small files the demo tickets carry (a photo, receipts), stored as if their requesters had uploaded them.</summary>
public sealed class DemoFiles(IAttachmentContent content, AttachmentCatalog catalog, TicketClock clock)
{
    /// <summary>A 1×1 PNG: stands in for a photo of the broken machine.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public Task<ImmutableDictionary<string, object?>> PhotoAsync(string name, string uploader) => StoreAsync(name, "image/png", Photo, uploader);

    /// <summary>A one-page PDF receipt with the amount on it.</summary>
    public Task<ImmutableDictionary<string, object?>> ReceiptAsync(string name, decimal amount, string uploader) =>
        StoreAsync(name, "application/pdf", Receipt(amount), uploader);

    private async Task<ImmutableDictionary<string, object?>> StoreAsync(string name, string contentType, byte[] bytes, string uploader)
    {
        var id = AttachmentIds.New();
        var path = content.NewUploadFile();
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await file.WriteAsync(bytes);
            file.Flush(flushToDisk: true);
        }
        await content.KeepAsync(id, path);
        var record = new AttachmentRecord(id, name, contentType, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), uploader, clock.Now);
        await catalog.AddAsync(record);
        return record.ToReference();
    }

    private static byte[] Receipt(decimal amount)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Receipt / Fapiao  CNY {amount:N2}");
        var stream = $"BT /F1 14 Tf 72 720 Td ({text}) Tj ET";
        var pdf = $"""
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
            4 0 obj << /Length {stream.Length} >> stream
            {stream}
            endstream endobj
            5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """;
        return Encoding.ASCII.GetBytes(pdf);
    }
}
