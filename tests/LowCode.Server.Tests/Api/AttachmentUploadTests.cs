using System.Net;
using System.Security.Cryptography;
using System.Text;
using LowCode.Grains.Attachments;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Uploading: the type is decided from the content, the size limit holds whatever the request says about its
/// length, programs and web pages are refused, and nothing half-received is left behind.
/// </summary>
public sealed class AttachmentUploadTests(SmallUploadsLowCodeHost host) : IClassFixture<SmallUploadsLowCodeHost>
{
    private readonly HttpClient _integration = host.CreateClient();

    [Fact]
    public async Task An_upload_is_kept_under_its_checked_type_on_disk_and_in_the_database()
    {
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);

        using var response = await zhang.PostFileAsync("维修前照片 before.png", Uploads.Png, claimedType: "application/pdf");
        var attachment = await response.ExpectAsync(HttpStatusCode.Created);

        var id = attachment.Text("id");
        Assert.Equal($"/api/attachments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("维修前照片 before.png", "image/png", "u-zhang"), (attachment.Text("name"), attachment.Text("contentType"), attachment.Text("uploadedBy")));
        Assert.Equal(Uploads.Png.Length, attachment.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Uploads.Png)), attachment.Text("sha256"));
        // Read back as a restarted server would: a new reader over the database file and the attachment folder.
        var row = await new AttachmentCatalog(new LowCodeDatabase(StorageKind.Sqlite, $"Data Source={Path.Combine(host.DataPath, "lowcode.db")}")).GetAsync(id);
        Assert.Equal(("image/png", "u-zhang", (string?)null), (row!.ContentType, row.Uploader, row.TicketId));
        var file = new DiskAttachmentContent(Path.Combine(host.DataPath, "attachments")).PathOf(id);
        Assert.Equal(Uploads.Png, await File.ReadAllBytesAsync(file));
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataPath, "attachments", ".uploads")));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_413_saying_the_limit_and_nothing_is_kept()
    {
        var uploadsBefore = Directory.GetFiles(Path.Combine(host.DataPath, "attachments"), "*", SearchOption.AllDirectories).Length;

        var problem = await _integration.PostFileAsync("big.pdf", [.. Uploads.Pdf, .. new byte[SmallUploadsLowCodeHost.MaxSizeBytes]])
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("The file is too large.", problem.Text("title"));
        Assert.Equal("Files may be at most 64 KB (65,536 bytes).", problem.Text("detail"));
        Assert.Equal(uploadsBefore, Directory.GetFiles(Path.Combine(host.DataPath, "attachments"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_file_over_the_limit_sent_without_a_length_is_stopped_while_it_streams()
    {
        var file = new UnknownLengthContent([.. Uploads.Pdf, .. new byte[SmallUploadsLowCodeHost.MaxSizeBytes]]);

        var problem = await _integration.PostAsync("/api/attachments/", new MultipartFormDataContent { { file, "file", "streamed.pdf" } })
            .ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Files may be at most 64 KB (65,536 bytes).", problem.Text("detail"));
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataPath, "attachments", ".uploads")));
    }

    [Fact]
    public async Task A_file_just_at_the_limit_is_accepted()
    {
        var bytes = new byte[SmallUploadsLowCodeHost.MaxSizeBytes];
        Uploads.Pdf.CopyTo(bytes, 0);

        var attachment = await _integration.UploadAsync("exact.pdf", bytes);

        Assert.Equal(("application/pdf", SmallUploadsLowCodeHost.MaxSizeBytes), (attachment.Text("contentType"), attachment.GetProperty("size").GetInt32()));
    }

    [Theory]
    [InlineData("tool.exe", "program")]
    [InlineData("invoice.pdf", "program")] // a program whatever its name says
    [InlineData("page.html", "html")]
    [InlineData("notes.txt", "html")] // markup a browser would run, in a text file
    [InlineData("drawing.svg", "svg")]
    [InlineData("macro.xlsm", "pdf")] // blocked by name whatever it contains
    public async Task Programs_web_pages_and_blocked_names_are_415(string fileName, string content)
    {
        byte[] bytes = content switch
        {
            "program" => Uploads.Program,
            "html" => "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(),
            "svg" => """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"""u8.ToArray(),
            _ => Uploads.Pdf,
        };

        var problem = await _integration.PostFileAsync(fileName, bytes, "image/png").ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("This kind of file is not accepted.", problem.Text("title"));
        Assert.Contains("not accepted", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_files_including_chinese_text_are_kept_as_text()
    {
        var attachment = await _integration.UploadAsync("巡检记录 log.csv", Encoding.UTF8.GetBytes("设备,状态\nPress #4,停机\n"));

        Assert.Equal("text/csv", attachment.Text("contentType"));
    }

    [Fact]
    public async Task Bad_uploads_are_4xx_problems_never_server_errors()
    {
        var cases = new Dictionary<string, HttpContent>
        {
            ["json"] = ApiCalls.Json("""{ "file": "x" }"""),
            ["no boundary"] = Raw("multipart/form-data", "--x\r\n\r\n"),
            ["garbage"] = Raw("multipart/form-data; boundary=abc", "this is not multipart"),
            ["truncated"] = Raw("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello"),
            ["no file part"] = Raw("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--abc--\r\n"),
            ["empty file"] = Uploads.File("empty.txt", []),
            ["two files"] = new MultipartFormDataContent { { new ByteArrayContent(Uploads.Png), "file", "a.png" }, { new ByteArrayContent(Uploads.Png), "file", "b.png" } },
            ["long boundary"] = Raw($"multipart/form-data; boundary={new string('b', 200)}", "--x"),
        };
        foreach (var (name, content) in cases)
        {
            using var response = await _integration.PostAsync("/api/attachments/", content);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{name}: {status} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataPath, "attachments", ".uploads")));
    }

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}

/// <summary>A body whose length is not known up front, so it is sent chunked and the server can only count as it reads.</summary>
internal sealed class UnknownLengthContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
