using System.Net;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Bearer tokens: what opens the API and what does not — expired, altered, for another audience, short
/// of a scope, revoked — and people's tokens from the code flow with PKCE, refreshed while the person may still sign in.
/// </summary>
public sealed class TokenTests(ClockedLowCodeHost host) : IClassFixture<ClockedLowCodeHost>
{
    private const string Tickets = "/api/tickets/?pageSize=1";
    private readonly HttpClient _anonymous = host.CreateClientWithoutToken();

    [Fact]
    public async Task An_access_token_opens_the_api_for_30_minutes_and_not_a_moment_longer()
    {
        using var api = host.CreateClientWithToken(await _anonymous.ClientCredentialsTokenAsync(TestClients.Integration));
        await api.GetAsync(Tickets).ExpectAsync(HttpStatusCode.OK);

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        await api.GetAsync(Tickets).ExpectAsync(HttpStatusCode.OK);
        host.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        await ExpectRefusedTokenAsync(api.GetAsync(Tickets));
    }

    [Fact]
    public async Task A_token_with_one_character_changed_is_refused()
    {
        var token = await _anonymous.ClientCredentialsTokenAsync(TestClients.Integration);
        var middle = token.Length / 2;
        while (token[middle] == '.') middle++;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var original = host.CreateClientWithToken(token);
        using var altered = host.CreateClientWithToken(tampered);
        using var extended = host.CreateClientWithToken(token + "x");

        await ExpectRefusedTokenAsync(altered.GetAsync(Tickets));
        await ExpectRefusedTokenAsync(extended.GetAsync(Tickets));
        await original.GetAsync(Tickets).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_for_another_api_is_refused_because_its_audience_is_not_lowcode_api()
    {
        var reporting = await _anonymous.ClientCredentialsTokenAsync(TestClients.Reporting);
        using var api = host.CreateClientWithToken(reporting);

        await ExpectRefusedTokenAsync(api.GetAsync(Tickets));
        await ExpectRefusedTokenAsync(api.GetAsync("/api/ticket-types/"));
        var introspected = await _anonymous.PostFormAsync("/connect/introspect", ("token", reporting),
            ("client_id", TestClients.Reporting.Id), ("client_secret", TestClients.Reporting.Secret)).ExpectAsync(HttpStatusCode.OK);
        Assert.True(introspected.GetProperty("active").GetBoolean());
        Assert.DoesNotContain("lowcode-api", introspected.GetProperty("aud").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_is_refused_with_403_where_its_scopes_do_not_reach()
    {
        using var reader = host.CreateClientWithToken(await _anonymous.ClientCredentialsTokenAsync(TestClients.TicketReader));

        await reader.GetAsync(Tickets).ExpectAsync(HttpStatusCode.OK);
        await reader.PostJsonAsync("/api/tickets/", $$"""{ "type": "equipment-repair", "form": {{TestTicketTypes.RepairForm}} }""").ExpectProblemAsync(HttpStatusCode.Forbidden);
        await reader.GetAsync("/api/ticket-types/").ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_client_gets_no_token_for_a_scope_it_was_not_granted()
    {
        var refusal = await _anonymous.RequestClientCredentialsAsync(TestClients.TicketReader, "tickets.read tickets.write").ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", refusal.Text("error"));
        Assert.Contains("scope", refusal.Text("error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_a_wrong_secret_gets_no_token()
    {
        var refusal = await _anonymous.RequestClientCredentialsAsync(TestClients.Integration with { Secret = "guessed" }).ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("invalid_client", refusal.Text("error"));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        var token = await _anonymous.ClientCredentialsTokenAsync(TestClients.Integration);
        using var api = host.CreateClientWithToken(token);
        await api.GetAsync(Tickets).ExpectAsync(HttpStatusCode.OK);

        await _anonymous.PostFormAsync("/connect/revoke", ("token", token), ("token_type_hint", "access_token"),
            ("client_id", TestClients.Integration.Id), ("client_secret", TestClients.Integration.Secret)).ExpectAsync(HttpStatusCode.OK);

        await ExpectRefusedTokenAsync(api.GetAsync(Tickets));
    }

    [Fact]
    public async Task A_person_token_from_the_code_flow_acts_as_that_person()
    {
        var zhang = DemoPeople.ZhangSan;
        using var api = host.CreateClientWithToken((await host.PersonTokensAsync(zhang)).AccessToken);

        var opened = await api.OpenRepairAsync("Opened with a token");
        var mine = await api.ListAsync("pageSize=200");

        Assert.Equal(("u-zhang", "张三 Zhang San"), (opened.GetProperty("requester").Text("id"), opened.GetProperty("requester").Text("name")));
        Assert.All(mine.Items("items"), t => Assert.Equal("u-zhang", t.Text("requesterId")));
        Assert.Contains(opened.Text("id"), mine.Ids());
        await api.PostJsonAsync("/api/ticket-types/", TestTicketTypes.DeskMove(TestTicketTypes.NewKey("customer"))).ExpectProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_code_is_not_exchanged_without_the_pkce_verifier_it_was_issued_for()
    {
        var (code, _) = await host.AuthorizationCodeAsync(DemoPeople.Agent);

        var refusal = await _anonymous.ExchangeCodeAsync(code, new string('v', 43)).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", refusal.Text("error"));
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_for_the_same_person()
    {
        var person = await host.CreatePersonAsync();
        var first = await host.PersonTokensAsync(person, SignInFlows.ApiScopes + " offline_access");
        Assert.NotNull(first.RefreshToken);

        var refreshed = await _anonymous.RefreshAsync(first.RefreshToken).ExpectAsync(HttpStatusCode.OK);
        using var api = host.CreateClientWithToken(refreshed.Text("access_token"));

        Assert.NotEqual(first.AccessToken, refreshed.Text("access_token"));
        Assert.Equal(person.Id, (await api.OpenRepairAsync()).GetProperty("requester").Text("id"));
    }

    [Fact]
    public async Task A_refresh_token_is_refused_once_the_person_is_locked_out()
    {
        var person = await host.CreatePersonAsync();
        var tokens = await host.PersonTokensAsync(person, SignInFlows.ApiScopes + " offline_access");

        await host.LockOutAsync(person);

        Assert.Equal("invalid_grant", (await _anonymous.RefreshAsync(tokens.RefreshToken!).ExpectAsync(HttpStatusCode.BadRequest)).Text("error"));
    }

    [Fact]
    public async Task A_refresh_token_is_refused_once_the_person_is_deleted()
    {
        var person = await host.CreatePersonAsync();
        var tokens = await host.PersonTokensAsync(person, SignInFlows.ApiScopes + " offline_access");

        await host.DeleteAsync(person);

        Assert.Equal("invalid_grant", (await _anonymous.RefreshAsync(tokens.RefreshToken!).ExpectAsync(HttpStatusCode.BadRequest)).Text("error"));
    }

    /// <summary>401 with a bearer challenge naming the token as invalid.</summary>
    private static async Task ExpectRefusedTokenAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        await response.ExpectAsync(HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }
}
