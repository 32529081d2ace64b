using LowCode.Server.Identity;
using System.Net;
using LowCode.Grains.Attachments;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Attachments on tickets: referenced from forms (only one's own, only once, judged by what was stored), linked
/// to the ticket, listed on it and its timeline, and downloaded by exactly those who may see the ticket.
/// </summary>
public sealed class AttachmentAccessTests(SmallUploadsLowCodeHost host) : IClassFixture<SmallUploadsLowCodeHost>
{
    private readonly HttpClient _integration = host.CreateClient();

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
        // The repair step went to a technician by the dispatch rule: they may download it.
        var technicianId = ticket.Items("tasks").Single().TextOrNull("assignee") ?? throw new Xunit.Sdk.XunitException("The repair step was not dispatched to anyone.");
        using var technician = await host.SignInAsync(IdentitySeeder.DemoPeople.Single(p => p.Id == technicianId));
        await Download(technician, id, "电机 motor.png", "image/png", Uploads.Png);
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

}
