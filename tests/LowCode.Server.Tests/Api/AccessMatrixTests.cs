using System.Collections.Concurrent;
using System.Text;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Who may call what, generated from the route table: every route the app maps declares a policy or
/// allows anonymous access explicitly, and every API route answers each kind of caller as the matrix says.
/// </summary>
public sealed class AccessMatrixTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    /// <summary>The callers, in the order of the matrix columns.</summary>
    public enum Who { Anonymous, Administrator, Analyst, Manager, Agent, Customer, OtherCustomer, TicketReaderClient, TicketTypeReaderClient }

    private static readonly string[] Columns = ["anonymous", "admin", "analyst", "manager", "agent", "customer", "other", "t.read", "tt.read"];

    /// <summary>How people prove who they are: the sign-in cookie, or a bearer token from the code flow.</summary>
    public enum PersonCredential { Cookie, BearerToken }

    /// <summary>
    /// The expected status per route (by name) and caller. Ticket routes act on a ticket 张三 requested: he
    /// is the Customer, 王芳 the OtherCustomer reaching for it (404: she must not learn it exists). Its
    /// open task is queued for the maintenance team, which the manager and the agent belong to; the
    /// analyst designs ticket types and sees no one else's tickets. Anyone who may open tickets may upload
    /// a file; a file attached to the ticket is downloaded by exactly those who may see the ticket.
    /// </summary>
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        //                            anonymous admin analyst manager agent customer other  tickets.read ticket-types.read
        ["Health"] =                 [200,      200,  200,    200,    200,  200,     200,   200,         200],
        ["ListTicketTypes"] =        [401,      200,  200,    200,    200,  200,     200,   403,         200],
        ["ListTicketTypeVersions"] = [401,      200,  200,    200,    200,  200,     200,   403,         200],
        ["GetTicketTypeVersion"] =   [401,      200,  200,    200,    200,  200,     200,   403,         200],
        ["GetTicketType"] =          [401,      200,  200,    403,    403,  403,     403,   403,         403],
        ["CreateTicketType"] =       [401,      201,  201,    403,    403,  403,     403,   403,         403],
        ["SaveTicketTypeDraft"] =    [401,      200,  200,    403,    403,  403,     403,   403,         403],
        ["ValidateTicketType"] =     [401,      200,  200,    403,    403,  403,     403,   403,         403],
        ["PublishTicketType"] =      [401,      200,  200,    403,    403,  403,     403,   403,         403],
        ["ExportTicketType"] =       [401,      200,  200,    403,    403,  403,     403,   403,         403],
        ["ImportTicketType"] =       [401,      201,  201,    403,    403,  403,     403,   403,         403],
        ["DeleteTicketType"] =       [401,      204,  204,    403,    403,  403,     403,   403,         403],
        ["ListTickets"] =            [401,      200,  200,    200,    200,  200,     200,   200,         403],
        ["CreateTicket"] =           [401,      201,  201,    201,    201,  201,     201,   403,         403],
        ["GetTicket"] =              [401,      200,  404,    200,    200,  200,     404,   200,         403],
        ["CompleteTask"] =           [401,      200,  404,    200,    200,  403,     404,   403,         403],
        ["AssignTask"] =             [401,      200,  404,    200,    200,  403,     404,   403,         403],
        ["AddComment"] =             [401,      201,  404,    201,    201,  201,     404,   403,         403],
        ["CancelTicket"] =           [401,      200,  404,    200,    403,  200,     404,   403,         403],
        ["RetryIncident"] =          [401,      200,  404,    200,    200,  403,     404,   403,         403],
        ["ListClients"] =            [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["CreateClient"] =           [401,      201,  403,    403,    403,  403,     403,   403,         403],
        ["RotateClientSecret"] =     [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["DeleteClient"] =           [401,      204,  403,    403,    403,  403,     403,   403,         403],
        ["UploadAttachment"] =       [401,      201,  201,    201,    201,  201,     201,   403,         403],
        ["DownloadAttachment"] =     [401,      200,  404,    200,    200,  200,     404,   200,         403],
        // The built-in asset register answers anyone signed in (people and integrations), as an asset lookup's source.
        ["SearchAssets"] =           [401,      200,  200,    200,    200,  200,     200,   200,         200],
        // Taking and handing on work: claim needs to be allowed to work the task; release, the assignee (here the
        // manager) or a manager; reassign, a manager. The agent may see the ticket (team queue) but has neither.
        ["ClaimTask"] =              [401,      200,  404,    200,    200,  403,     404,   403,         403],
        ["ReleaseTask"] =            [401,      200,  404,    200,    403,  403,     404,   403,         403],
        ["ReassignTask"] =           [401,      200,  404,    200,    403,  403,     404,   403,         403],
        // The organisation: staff and analysts read it, administrators change it; agents set their own
        // availability and managers anyone's (the request is for 赵刚, not the agent column's 李强).
        ["ListUsers"] =              [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["GetUser"] =                [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["CreateUser"] =             [401,      201,  403,    403,    403,  403,     403,   403,         403],
        ["UpdateUser"] =             [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["ListCalendars"] =          [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["SaveCalendar"] =           [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["LockUser"] =               [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["UnlockUser"] =             [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["ListTeams"] =              [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["GetTeam"] =                [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["CreateTeam"] =             [401,      201,  403,    403,    403,  403,     403,   403,         403],
        ["UpdateTeam"] =             [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["DeleteTeam"] =             [401,      204,  403,    403,    403,  403,     403,   403,         403],
        ["ListDepartments"] =        [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["SaveDepartment"] =         [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["ListAgents"] =             [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["GetAgent"] =               [401,      200,  200,    200,    200,  403,     403,   403,         403],
        ["SaveAgent"] =              [401,      200,  403,    403,    403,  403,     403,   403,         403],
        ["SetAgentAvailability"] =   [401,      200,  403,    200,    403,  403,     403,   403,         403],
        ["DeleteAgent"] =            [401,      204,  403,    403,    403,  403,     403,   403,         403],
    };

    /// <summary>Endpoints of the sign-in machinery, the API description and Blazor's circuit: not in the matrix, but they must declare their access too.</summary>
    private static bool IsFramework(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } raw
        && (raw.StartsWith("/openapi/", StringComparison.Ordinal) || raw.StartsWith("/scalar", StringComparison.Ordinal)
            || raw.StartsWith("/connect/", StringComparison.Ordinal) || raw.StartsWith("/account/", StringComparison.Ordinal)
            || raw.StartsWith("/_blazor", StringComparison.Ordinal) // the interactive pages' circuit
            || raw is "/signin" or "/signin-callback");

    /// <summary>
    /// What serves the pages rather than data: their CSS and script files (static assets, and in development
    /// the <c>{**path:file}</c> fallback that only matches file names) and Blazor's own <c>/_framework/</c> plumbing.
    /// These are public by nature and carry no access metadata.
    /// </summary>
    private static bool IsPageAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        || endpoint.RoutePattern.RawText == "{**path:file}"
        || endpoint.RoutePattern.RawText?.StartsWith("/_framework/", StringComparison.Ordinal) == true;

    /// <summary>A page of the web UI (a Razor component): it must declare its access, but its behaviour is the UI's tests' concern.</summary>
    private static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    /// <summary>Everything else is API and has a row in the matrix.</summary>
    private static bool IsApi(RouteEndpoint endpoint) => !IsFramework(endpoint) && !IsPageAsset(endpoint) && !IsPage(endpoint);

    [Fact]
    public void Every_route_declares_a_policy_or_explicitly_allows_anonymous_callers()
    {
        var endpoints = Endpoints().Where(e => !IsPageAsset(e)).ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(Describe).ToList();

        Assert.Contains(endpoints, IsFramework);
        Assert.Contains(endpoints, IsApi);
        Assert.True(undeclared.Count == 0, $"Routes with neither a policy (RequireAuthorization) nor AllowAnonymous:\n{string.Join("\n", undeclared)}");
    }

    [Fact]
    public void Every_api_route_has_a_name_and_a_row_in_the_access_matrix()
    {
        var api = Endpoints().Where(IsApi).ToList();
        var names = api.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).ToList();

        Assert.True(names.All(n => n is not null), $"Routes without a name (WithName): {string.Join(", ", api.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null).Select(Describe))}");
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal)!);
    }

    [Theory]
    [InlineData(PersonCredential.Cookie)]
    [InlineData(PersonCredential.BearerToken)]
    public async Task Every_api_route_answers_each_caller_as_the_access_matrix_says(PersonCredential credential)
    {
        var callers = await CallersAsync(credential);
        using var integration = host.CreateClient();
        var requests = new MatrixRequests(integration, callers[Who.Administrator]);
        var routes = Endpoints().Where(IsApi)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? Describe(e), Describe);
        var cells = from route in Expected.Keys from who in Enum.GetValues<Who>() select (route, who);
        var actual = new ConcurrentDictionary<(string Route, Who Who), int>();

        await Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (cell, _) =>
        {
            using var request = await requests.ForAsync(cell.route);
            using var response = await callers[cell.who].SendAsync(request);
            actual[cell] = (int)response.StatusCode;
        });
        foreach (var caller in callers.Values) caller.Dispose();

        var wrong = actual.Where(a => Expected[a.Key.Route][(int)a.Key.Who] != a.Value).Select(a => a.Key).ToHashSet();
        Assert.True(wrong.Count == 0, $"Signed in by {credential}, {wrong.Count} answer(s) differ from the matrix (marked *):\n{Table(actual, wrong, routes)}");
    }

    private async Task<Dictionary<Who, HttpClient>> CallersAsync(PersonCredential credential)
    {
        async Task<HttpClient> Person(IdentitySeeder.DemoPerson person) => credential == PersonCredential.Cookie
            ? await host.SignInAsync(person)
            : host.CreateClientWithToken((await host.PersonTokensAsync(person)).AccessToken);
        var anonymous = host.CreateClientWithoutToken();
        return new Dictionary<Who, HttpClient>
        {
            [Who.Anonymous] = anonymous,
            [Who.Administrator] = await Person(DemoPeople.Administrator),
            [Who.Analyst] = await Person(DemoPeople.Analyst),
            [Who.Manager] = await Person(DemoPeople.Manager),
            [Who.Agent] = await Person(DemoPeople.Agent),
            [Who.Customer] = await Person(DemoPeople.ZhangSan),
            [Who.OtherCustomer] = await Person(DemoPeople.WangFang),
            [Who.TicketReaderClient] = host.CreateClientWithToken(await anonymous.ClientCredentialsTokenAsync(TestClients.TicketReader)),
            [Who.TicketTypeReaderClient] = host.CreateClientWithToken(await anonymous.ClientCredentialsTokenAsync(TestClients.TicketTypeReader)),
        };
    }

    /// <summary>Every route the app maps, whatever its HTTP methods (a route for any method must declare its access too).</summary>
    private List<RouteEndpoint> Endpoints() => [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])} {e.RoutePattern.RawText}";

    private static string Table(ConcurrentDictionary<(string Route, Who Who), int> actual, HashSet<(string, Who)> wrong, Dictionary<string, string> routes)
    {
        var table = new StringBuilder($"{"",-24}{string.Concat(Columns.Select(c => $"{c,-11}"))}\n");
        foreach (var route in Expected.Keys)
        {
            table.Append($"{route,-24}");
            foreach (var who in Enum.GetValues<Who>())
            {
                var cell = (route, who);
                table.Append(wrong.Contains(cell) ? $"{actual[cell]}*{Expected[route][(int)who],-7}" : $"{actual[cell],-11}");
            }
            table.Append($"  {routes.GetValueOrDefault(route, "(not mapped)")}\n");
        }
        return table.Append("(a cell marked * reads actual*expected)").ToString();
    }
}
