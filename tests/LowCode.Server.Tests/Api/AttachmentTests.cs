using System.Net;
using System.Security.Cryptography;
using System.Text;
using LowCode.Grains.Attachments;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Attachments end to end: upload (type from the content, size limit, blocked types), reference from a form
/// (linked to the ticket, listed on it, on its timeline), and download by exactly those who may see the ticket.
/// </summary>
public sealed class AttachmentTests(SmallUploadsLowCodeHost host) : IClassFixture<SmallUploadsLowCodeHost>
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
    public async Task The_requester_and_an_agent_of_the_team_download_another_customer_gets_404()
    {
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        using var agent = await host.SignInAsync(DemoPeople.Agent);
        using var wang = await host.SignInAsync(DemoPeople.WangFang);
        var photo = await zhang.UploadAsync("电机 motor.png", Uploads.Png);
        var id = photo.Text("id");

        await wang.GetAsync($"/api/attachments/{id}").ExpectProblemAsync(HttpStatusCode.NotFound); // not linked yet: only its uploader
        await agent.GetAsync($"/api/attachments/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        await Download(zhang, id, "电机 motor.png", "image/png", Uploads.Png);
        var ticket = await zhang.OpenTicketAsync("equipment-repair", RepairWithPhotos(id));

        await Download(zhang, id, "电机 motor.png", "image/png", Uploads.Png);
        await Download(agent, id, "电机 motor.png", "image/png", Uploads.Png); // the repair step is queued for the agent's team
        var hidden = await wang.GetAsync($"/api/attachments/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
        var missing = await wang.GetAsync($"/api/attachments/{AttachmentIds.New()}").ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing.Text("title"), hidden.Text("title"));
        await wang.GetAsync($"/api/tickets/{ticket.Text("id")}").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_linked_attachment_is_listed_on_the_ticket_and_its_timeline()
    {
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        var first = (await zhang.UploadAsync("panel.png", Uploads.Png)).Text("id");
        var second = (await zhang.UploadAsync("nameplate.png", Uploads.Png)).Text("id");

        var ticket = await zhang.OpenTicketAsync("equipment-repair", RepairWithPhotos(first, second));

        Assert.Equal([first, second], ticket.Items("attachments").Select(a => a.Text("id")));
        Assert.All(ticket.Items("attachments"), a => Assert.Equal(ticket.Text("id"), a.Text("ticketId")));
        Assert.Equal($"/api/attachments/{first}", ticket.Items("attachments")[0].Text("url"));
        var entry = Assert.Single(ticket.Items("timeline"), e => e.Text("kind") == "AttachmentsLinked");
        Assert.Equal(("2 attachment(s): panel.png, nameplate.png", "u-zhang"), (entry.Text("summary"), entry.Text("actor")));
        var photos = ticket.GetProperty("form").Items("Photos");
        Assert.Equal(("panel.png", "image/png"), (photos[0].Text("name"), photos[0].Text("contentType")));
    }

    [Fact]
    public async Task An_unknown_attachment_in_a_form_is_400_naming_the_field()
    {
        var problem = await _integration.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "form": {{RepairWithPhotos(AttachmentIds.New())}} }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.Errors()["Photos[0]"]);
        Assert.Contains("unknown or is not yours to attach", message, StringComparison.Ordinal);
        Assert.Equal("attachment", problem.Items("problems").Single().Text("code"));
    }

    [Fact]
    public async Task Someone_elses_attachment_cannot_be_put_on_a_form()
    {
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        using var wang = await host.SignInAsync(DemoPeople.WangFang);
        var hers = (await wang.UploadAsync("hers.png", Uploads.Png)).Text("id");

        var problem = await zhang.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "form": {{RepairWithPhotos(hers)}} }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Photos[0]"], problem.Errors().Keys);
        await zhang.GetAsync($"/api/attachments/{hers}").ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_attachment_on_one_ticket_cannot_be_reused_on_another()
    {
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        var photo = (await zhang.UploadAsync("once.png", Uploads.Png)).Text("id");
        var first = await zhang.OpenTicketAsync("equipment-repair", RepairWithPhotos(photo));

        var problem = await zhang.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "form": {{RepairWithPhotos(photo)}} }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Photos[0]"], problem.Errors().Keys);
        Assert.Single((await zhang.GetTicketAsync(first.Text("id"))).Items("attachments"));
    }

    [Fact]
    public async Task Field_limits_are_judged_on_the_stored_size_and_type_not_the_clients_claim()
    {
        var key = TestTicketTypes.NewKey("inspection");
        await _integration.CreateTicketTypeAsync(TestTicketTypes.Inspection(key));
        await _integration.PublishAsync(key);
        var large = (await _integration.UploadAsync("large.png", [.. Uploads.Png, .. new byte[2000]])).Text("id");
        var pdf = (await _integration.UploadAsync("scan.png", Uploads.Pdf)).Text("id");
        var lies = $$"""[ { "id": "{{large}}", "name": "small.png", "size": 10, "contentType": "image/png" }, { "id": "{{pdf}}", "name": "scan.png", "size": 10, "contentType": "image/png" } ]""";

        var problem = await _integration.PostJsonAsync("/api/tickets/", $$"""{ "type": "{{key}}", "form": { "Area": "B2", "Photos": {{lies}} } }""")
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        var codes = problem.Items("problems").Select(p => $"{p.Text("path")}:{p.Text("code")}").Order(StringComparer.Ordinal);
        Assert.Equal(["Photos[0]:file-size", "Photos[1]:file-type"], codes);
        Assert.Contains("'scan.png' (application/pdf)", problem.Errors()["Photos[1]"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_given_when_completing_a_step_are_linked_and_the_team_sees_them()
    {
        var key = TestTicketTypes.NewKey("inspection");
        await _integration.CreateTicketTypeAsync(TestTicketTypes.Inspection(key));
        await _integration.PublishAsync(key);
        using var agent = await host.SignInAsync(DemoPeople.Agent);
        var ticket = await _integration.OpenTicketAsync(key, """{ "Area": "仓库 Warehouse" }""");
        var evidence = (await agent.UploadAsync("证据 evidence.pdf", Uploads.Pdf)).Text("id");

        var done = await agent.CompleteAsync(ticket.Text("id"), ticket.OpenTaskAt("inspect"), $$"""{ "action": "done", "data": { "Evidence": [ { "id": "{{evidence}}" } ] } }""")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(evidence, done.Items("attachments").Single().Text("id"));
        Assert.Single(done.Items("timeline"), e => e.Text("kind") == "AttachmentsLinked" && e.TextOrNull("taskId") == ticket.OpenTaskAt("inspect"));
        await Download(_integration, evidence, "证据 evidence.pdf", "application/pdf", Uploads.Pdf);
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

    [Theory]
    [InlineData("nosuch")]
    [InlineData("att-0000000000000000000000000")]
    [InlineData("..%2F..%2Flowcode.db")]
    public async Task Downloading_an_unknown_or_garbage_id_is_404(string id) =>
        await _integration.GetAsync($"/api/attachments/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);

    private static async Task Download(HttpClient client, string id, string name, string contentType, byte[] bytes)
    {
        using var response = await client.GetAsync($"/api/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static string RepairWithPhotos(params string[] ids) =>
        $$"""{ "Asset": "Lathe 7", "Site": "SH", "Category": "mechanical", "Description": "Spindle rattles", "Photos": [ {{string.Join(", ", ids.Select(id => $$"""{ "id": "{{id}}" }"""))}} ] }""";

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
