using System.Net;
using System.Security.Claims;
using System.Text;
using LowCode.Forms.Schema;
using LowCode.Server.Identity;
using LowCode.Server.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>
/// Asset lookups ask their http source for real: the repair form's source is the host's own register (<c>/api/assets</c>),
/// asked over HTTP as the person on the page; other sources within a time limit and a size cap, in the documented shapes.
/// </summary>
public sealed class AssetLookupTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private static readonly FormField RepairAsset = Grains.TicketTypes.ReferenceForms.EquipmentRepair().Sections!.SelectMany(s => s.Fields!).Single(f => f.Key == "Asset");

    [Fact]
    public async Task The_built_in_register_answers_value_label_and_detail()
    {
        var answer = await host.CreateClient().GetAsync("/api/assets?q=%E7%94%B5%E6%A2%AF").ExpectAsync(HttpStatusCode.OK); // 电梯

        var lifts = answer.EnumerateArray().ToList();
        Assert.Equal(3, lifts.Count);
        Assert.All(lifts, l => Assert.Contains("电梯", l.Text("label"), StringComparison.Ordinal));
        Assert.Contains(lifts, l => l.Text("value") == "SH-EL-0004" && l.Text("detail").Contains("仓库", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_text_over_200_characters_is_refused_naming_q()
    {
        var problem = await host.CreateClient().GetAsync($"/api/assets?q={new string('x', 201)}").ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["q"], problem.ProblemPaths());
    }

    [Fact]
    public async Task The_repair_forms_lookup_asks_the_host_over_http_as_the_person_on_the_page()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var lookup = Lookup(scope.ServiceProvider, Person("u-zhang", "张三 Zhang San"));

        var found = await lookup.SearchAssetsAsync(RepairAsset, "配电柜", CancellationToken.None);

        Assert.Equal(["BJ-SB-00A1", "SH-SB-00B2"], found.Select(o => o.Value).Order());
        Assert.All(found, o => Assert.StartsWith("配电柜", o.Label, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_signed_in_person_the_sites_own_source_is_not_asked()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var lookup = Lookup(scope.ServiceProvider, new ClaimsPrincipal(new ClaimsIdentity()));

        var error = await Assert.ThrowsAsync<OptionSourceException>(() => lookup.SearchAssetsAsync(RepairAsset, "空调", CancellationToken.None));

        Assert.Contains("Sign in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_nested_under_a_path_with_other_property_names_is_read()
    {
        var source = new HttpOptionSource(new Handler(_ => Json("""{ "data": { "items": [ { "tag": "CNC-12", "name": "数控机床 CNC lathe 12" }, { "name": "no tag" }, 42 ] } }""")));
        var options = new OptionSource { Url = "https://cmdb.example.com/assets", ItemsPath = "data.items", ValueField = "tag", LabelField = "name" };

        var found = await source.SearchAsync(new Uri(options.Url), options, "CNC", null, CancellationToken.None);

        Assert.Equal([("CNC-12", "数控机床 CNC lathe 12")], found.Select(o => (o.Value, o.Label)));
    }

    [Fact]
    public async Task The_typed_text_goes_in_q()
    {
        Uri? asked = null;
        var source = new HttpOptionSource(new Handler(r => { asked = r.RequestUri; return Json("[]"); }));

        await source.SearchAsync(new Uri("https://cmdb.example.com/assets?site=SH"), new OptionSource(), "空调 3F", null, CancellationToken.None);

        Assert.Equal("?site=SH&q=%E7%A9%BA%E8%B0%83%203F", asked!.Query);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "status", "answered 503" },
        { "not-json", "could not be read" },
        { "not-a-list", "is not a list" },
        { "too-large", "larger than 256 KB" },
        { "no-path", "has no 'data.items'" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_source_that_fails_gives_a_clear_reason_not_a_crash(string failure, string reason)
    {
        var source = new HttpOptionSource(new Handler(_ => failure switch
        {
            "status" => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            "not-json" => Json("<html>login</html>"),
            "not-a-list" => Json("""{ "value": "A-1" }"""),
            "too-large" => Json("[" + string.Join(',', Enumerable.Repeat("""{"value":"A-1","label":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}""", 5000)) + "]"),
            _ => Json("""{ "data": [] }"""),
        }));
        var options = new OptionSource { Url = "https://cmdb.example.com/assets", ItemsPath = failure == "no-path" ? "data.items" : null };

        var error = await Assert.ThrowsAsync<OptionSourceException>(() => source.SearchAsync(new Uri(options.Url), options, "a", null, CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_does_not_answer_in_time_is_given_up()
    {
        var source = new HttpOptionSource(new Handler(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return Json("[]"); }))
        {
            Timeout = TimeSpan.FromMilliseconds(50),
        };

        var error = await Assert.ThrowsAsync<OptionSourceException>(() =>
            source.SearchAsync(new Uri("https://cmdb.example.com/assets"), new OptionSource(), "a", null, CancellationToken.None));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    private static FormLookup Lookup(IServiceProvider services, ClaimsPrincipal person) => new(
        services.GetRequiredService<IdentityDb>(), services.GetRequiredService<HttpOptionSource>(), new SiteAt("http://localhost/"),
        new FixedPerson(person), services.GetRequiredService<SelfCallCookie>(), NullLogger<FormLookup>.Instance);

    private static ClaimsPrincipal Person(string id, string name) =>
        new(new ClaimsIdentity([new Claim("sub", id), new Claim("name", name), new Claim("role", "customer")], WebSignIn.Scheme, "name", "role"));

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class SiteAt : NavigationManager
    {
        public SiteAt(string baseUri) => Initialize(baseUri, baseUri);
    }

    private sealed class FixedPerson(ClaimsPrincipal person) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(person));
    }

    /// <summary>An IHttpClientFactory whose every client answers through the given function.</summary>
    private sealed class Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler, IHttpClientFactory
    {
        public Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) : this((r, _) => Task.FromResult(answer(r))) { }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request, cancellationToken);
    }
}
