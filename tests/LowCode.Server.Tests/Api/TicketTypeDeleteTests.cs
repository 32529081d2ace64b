using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Deleting a ticket type: only a draft that was never published, since tickets pin published versions.</summary>
public sealed class TicketTypeDeleteTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task A_never_published_draft_is_deleted_and_leaves_the_list_and_its_key_can_be_used_again()
    {
        var key = TestTicketTypes.NewKey("gone");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key, name: "Short-lived"));

        using var deleted = await _client.DeleteAsync($"/api/ticket-types/{key}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await _client.GetAsync($"/api/ticket-types/{key}").ExpectProblemAsync(HttpStatusCode.NotFound);
        var list = await _client.GetAsync("/api/ticket-types/").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), t => t.Text("key") == key);
        await _client.PostJsonAsync("/api/ticket-types/", TestTicketTypes.DeskMove(key, name: "Second life")).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_published_ticket_type_is_not_deleted_409_and_keeps_its_versions()
    {
        var key = TestTicketTypes.NewKey("kept");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));
        await _client.PublishAsync(key);

        var problem = await _client.DeleteAsync($"/api/ticket-types/{key}").ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("published", problem.Text("detail"), StringComparison.Ordinal);
        var versions = await _client.GetAsync($"/api/ticket-types/{key}/versions").ExpectAsync(HttpStatusCode.OK);
        Assert.Single(versions.EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_ticket_type_is_404()
    {
        var problem = await _client.DeleteAsync($"/api/ticket-types/{TestTicketTypes.NewKey("never")}").ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("does not exist", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_may_not_delete_a_draft()
    {
        var key = TestTicketTypes.NewKey("safe");
        await _client.CreateTicketTypeAsync(TestTicketTypes.DeskMove(key));
        using var customer = await host.SignInAsync(DemoPeople.ZhangSan);

        using var refused = await customer.DeleteAsync($"/api/ticket-types/{key}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await _client.GetAsync($"/api/ticket-types/{key}").ExpectAsync(HttpStatusCode.OK);
    }
}
