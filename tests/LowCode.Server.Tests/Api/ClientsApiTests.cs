using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Administrators register integration clients: the secret is shown once, rotation retires the old one, removal revokes tokens.</summary>
public sealed class ClientsApiTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _anonymous = host.CreateClientWithoutToken();

    [Fact]
    public async Task A_registered_client_gets_tokens_for_its_scopes_until_its_secret_is_rotated_and_it_is_removed()
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);
        var id = TestTicketTypes.NewKey("erp");

        var created = await admin.PostJsonAsync("/api/clients/", $$"""{ "clientId": "{{id}}", "name": "用友 ERP", "scopes": ["tickets.read"] }""").ExpectAsync(HttpStatusCode.Created);
        var client = new TestClient(id, created.Text("secret"), "tickets.read");
        var token = await _anonymous.ClientCredentialsTokenAsync(client);
        using var api = host.CreateClientWithToken(token);
        await api.GetAsync("/api/tickets/?pageSize=1").ExpectAsync(HttpStatusCode.OK);
        using (var tooMuch = await _anonymous.RequestClientCredentialsAsync(client, "tickets.write")) Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var listed = (await admin.GetAsync("/api/clients/").ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single(c => c.Text("clientId") == id);
        Assert.Equal("用友 ERP", listed.Text("name"));
        Assert.False(listed.TryGetProperty("secret", out _));

        var rotated = await admin.PostAsync($"/api/clients/{id}/secret", null).ExpectAsync(HttpStatusCode.OK);
        using (var oldSecret = await _anonymous.RequestClientCredentialsAsync(client)) Assert.NotEqual(HttpStatusCode.OK, oldSecret.StatusCode);
        await _anonymous.ClientCredentialsTokenAsync(client with { Secret = rotated.Text("secret") });

        using (var removed = await admin.DeleteAsync($"/api/clients/{id}")) Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await api.GetAsync("/api/tickets/?pageSize=1").ExpectProblemAsync(HttpStatusCode.Unauthorized);
        using (var gone = await _anonymous.RequestClientCredentialsAsync(client with { Secret = rotated.Text("secret") })) Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{ "clientId": "X", "name": "ERP", "scopes": ["tickets.read"] }""", "clientId")]
    [InlineData("""{ "clientId": "erp-valid", "name": " ", "scopes": ["tickets.read"] }""", "name")]
    [InlineData("""{ "clientId": "erp-valid", "name": "ERP", "scopes": [] }""", "scopes")]
    [InlineData("""{ "clientId": "erp-valid", "name": "ERP", "scopes": ["admin.everything"] }""", "scopes")]
    public async Task A_client_with_a_bad_field_is_refused_naming_the_field(string json, string field)
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);

        var problem = await admin.PostJsonAsync("/api/clients/", json).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(field, problem.Items("problems").Single().Text("path"));
    }

    [Theory]
    [InlineData("lowcode-web")]
    [InlineData("lowcode-cli")]
    public async Task The_sites_own_clients_cannot_be_rotated_or_removed(string clientId)
    {
        using var admin = await host.SignInAsync(DemoPeople.Administrator);

        await admin.PostAsync($"/api/clients/{clientId}/secret", null).ExpectProblemAsync(HttpStatusCode.Conflict);
        await admin.DeleteAsync($"/api/clients/{clientId}").ExpectProblemAsync(HttpStatusCode.Conflict);
        await admin.DeleteAsync("/api/clients/no-such-client").ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
