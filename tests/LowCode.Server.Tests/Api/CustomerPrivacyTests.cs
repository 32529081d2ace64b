using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>What a customer sees: their own tickets, without the staff's internal comments; other people's tickets do not exist for them.</summary>
public sealed class CustomerPrivacyTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _integration = host.CreateClient();

    [Fact]
    public async Task A_customer_reads_each_ticket_they_requested_and_another_customer_gets_the_same_404_as_for_a_missing_ticket()
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        using var wang = await host.SignInAsync(DemoPeople.WangFang);
        var demoTickets = (await admin.ListAsync("requester=u-zhang&pageSize=200")).Ids();

        Assert.Contains("Press #4 motor trips", (await admin.ListAsync("requester=u-zhang")).Items("items").Select(t => t.Text("title")));
        foreach (var id in demoTickets)
        {
            Assert.Equal("u-zhang", (await zhang.GetTicketAsync(id)).GetProperty("requester").Text("id"));
            var hidden = await wang.GetAsync($"/api/tickets/{id}").ExpectProblemAsync(HttpStatusCode.NotFound);
            var missing = await wang.GetAsync($"/api/tickets/{MissingLike(id)}").ExpectProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(missing.Text("title"), hidden.Text("title"));
            Assert.Equal(missing.Text("detail").Replace(MissingLike(id), id, StringComparison.Ordinal), hidden.Text("detail"));
            Assert.Equal(0, (await wang.ListAsync($"q={id}")).GetProperty("total").GetInt64());
        }
        Assert.True(demoTickets.Count >= 4, $"张三 requested {demoTickets.Count} demo tickets");
    }

    [Fact]
    public async Task A_customer_lists_only_the_tickets_they_requested_whatever_the_filter_asks()
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);

        var own = await zhang.ListAsync("pageSize=200");
        var askingForWang = await zhang.ListAsync("requester=u-wang");

        Assert.All(own.Items("items"), t => Assert.Equal("u-zhang", t.Text("requesterId")));
        Assert.Equal((await admin.ListAsync("requester=u-zhang")).GetProperty("total").GetInt64(), own.GetProperty("total").GetInt64());
        Assert.Equal(0, askingForWang.GetProperty("total").GetInt64());
        Assert.True((await admin.ListAsync("requester=u-wang")).GetProperty("total").GetInt64() > 0);
    }

    [Fact]
    public async Task The_requester_never_sees_internal_comments_while_staff_and_integrations_do()
    {
        var type = await _integration.PublishMaintenanceTriageAsync();
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        using var agent = await host.SignInAsync(DemoPeople.Agent);
        using var admin = await host.SignInAsync(DemoPeople.Administrator);
        var id = (await zhang.OpenTicketAsync(type, """{ "Amount": 4 }""")).Text("id");

        await agent.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "Customer keeps the machine running overnight", "internal": true }""").ExpectAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "Warranty expired, bill the plant", "internal": true }""").ExpectAsync(HttpStatusCode.Created);
        await agent.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "A technician comes tomorrow" }""").ExpectAsync(HttpStatusCode.Created);
        using var replied = await zhang.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "Thank you" }""");
        var afterReply = await replied.Content.ReadAsStringAsync();
        using var read = await zhang.GetAsync($"/api/tickets/{id}");
        var asRequester = await read.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (replied.StatusCode, read.StatusCode));
        foreach (var view in new[] { afterReply, asRequester })
        {
            Assert.Contains("A technician comes tomorrow", view, StringComparison.Ordinal);
            Assert.Contains("Thank you", view, StringComparison.Ordinal);
            Assert.DoesNotContain("overnight", view, StringComparison.Ordinal);
            Assert.DoesNotContain("Warranty", view, StringComparison.Ordinal);
            Assert.DoesNotContain("\"internal\"", view, StringComparison.Ordinal);
        }
        Assert.Equal(2, Comments(await agent.GetTicketAsync(id), "internal"));
        Assert.Equal(2, Comments(await _integration.GetTicketAsync(id), "internal"));
        Assert.Equal(2, Comments(await zhang.GetTicketAsync(id), "public"));
    }

    [Fact]
    public async Task A_customer_may_not_write_an_internal_comment_and_nothing_is_added()
    {
        var type = await _integration.PublishMaintenanceTriageAsync();
        using var zhang = await host.SignInAsync(DemoPeople.ZhangSan);
        var id = (await zhang.OpenTicketAsync(type, """{ "Amount": 4 }""")).Text("id");

        var problem = await zhang.PostJsonAsync($"/api/tickets/{id}/comments", """{ "text": "Let me in on it", "internal": true }""").ExpectProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("Only staff may write internal comments.", problem.Text("detail"));
        Assert.Equal(0, Comments(await _integration.GetTicketAsync(id), "internal"));
    }

    private static int Comments(System.Text.Json.JsonElement ticket, string subject) =>
        ticket.Items("timeline").Count(e => e.Text("kind") == "Comment" && e.TextOrNull("subject") == subject);

    /// <summary>A well-formed ticket id that does not exist, as long as the given one.</summary>
    private static string MissingLike(string id) => id[..^4] + (id.EndsWith("ZZZZ", StringComparison.Ordinal) ? "YYYY" : "ZZZZ");
}
