using System.Globalization;
using System.Security.Cryptography;
using LowCode.Grains.Attachments;
using LowCode.Server.Apis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LowCode.Server.Attachments;

/// <summary>
/// Streams the one file of a <c>multipart/form-data</c> request to an upload file, never holding it in
/// memory: counting bytes against the size limit as they arrive (a lying or missing Content-Length changes
/// nothing), hashing with SHA-256 and keeping the first bytes for the type check. Any refusal removes the upload file.
/// </summary>
public static class UploadReader
{
    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    private const long Envelope = 64 * 1024;

    public static async Task<(ReceivedFile? File, IResult? Error)> ReadAsync(HttpRequest request, IAttachmentContent content, long maxSize, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the file as multipart/form-data, in a part named 'file'."));
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70) return (null, Problems.BadRequest("The multipart boundary is missing or longer than 70 characters."));
        if (request.ContentLength > maxSize + Envelope) return (null, TooLarge(maxSize));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxSize + Envelope;

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        ReceivedFile? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.GetContentDispositionHeader() is not { } disposition || !disposition.IsFileDisposition()) continue;
                if (file is not null) return (null, Discard(file, Problems.BadRequest("Send one file per request.")));
                var name = FileNames.Clean(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value);
                var (received, tooLarge) = await ReceiveAsync(section.Body, name, content.NewUploadFile(), maxSize, ct);
                if (received is null) return (null, TooLarge(maxSize));
                file = received;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            var refusal = e is BadHttpRequestException { StatusCode: 413 } ? TooLarge(maxSize) : Problems.BadRequest($"The multipart body could not be read: {e.Message}");
            return (null, file is null ? refusal : Discard(file, refusal));
        }
        return file is null ? (null, Problems.BadRequest("No file was sent: send it as multipart/form-data in a part named 'file' with a file name.")) : (file, null);
    }

    /// <summary>Writes a stream to an upload file, measuring, hashing and keeping its head; null (and why) when it is over <paramref name="maxSize"/>.</summary>
    public static async Task<(ReceivedFile? File, string? TooLarge)> ReceiveAsync(Stream body, string name, string path, long maxSize, CancellationToken ct)
    {
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[FileSniffer.HeadLength];
            var (size, headLength) = (0L, 0);
            var buffer = new byte[81920];
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxSize) break;
                    sha.AppendData(buffer, 0, read);
                    var take = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (size <= maxSize) output.Flush(flushToDisk: true); // on disk before it is kept and recorded
            }
            if (size > maxSize)
            {
                File.Delete(path);
                return (null, TooLargeDetail(maxSize));
            }
            return (new ReceivedFile(path, name, size, Convert.ToHexStringLower(sha.GetHashAndReset()), head[..headLength]), null);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public static IResult TooLarge(long maxSize) => Results.Problem(statusCode: 413, title: "The file is too large.", detail: TooLargeDetail(maxSize));

    private static string TooLargeDetail(long maxSize) => string.Create(CultureInfo.InvariantCulture, $"Files may be at most {Readable(maxSize)} ({maxSize:N0} bytes).");

    private static string Readable(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    public static IResult Discard(ReceivedFile file, IResult result)
    {
        File.Delete(file.Path);
        return result;
    }

}
