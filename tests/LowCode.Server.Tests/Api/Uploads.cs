using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LowCode.Server.Tests.Api;

/// <summary>Uploading files the way a browser's file input or an integration does: multipart/form-data, one part named "file".</summary>
internal static class Uploads
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The start of a PDF, as far as type checks look.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();

    /// <summary>The start of a Windows program.</summary>
    public static readonly byte[] Program = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    public static MultipartFormDataContent File(string fileName, byte[] bytes, string claimedType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string fileName, byte[] bytes, string claimedType = "application/octet-stream") =>
        client.PostAsync("/api/attachments/", File(fileName, bytes, claimedType));

    /// <summary>Uploads and expects 201; returns the attachment as the API shows it.</summary>
    public static async Task<JsonElement> UploadAsync(this HttpClient client, string fileName, byte[] bytes, string claimedType = "application/octet-stream") =>
        await client.PostFileAsync(fileName, bytes, claimedType).ExpectAsync(HttpStatusCode.Created);
}
