using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>Readiness, the OpenAPI document and the API browser.</summary>
public sealed partial class HealthAndDocsTests(LowCodeHost host) : IClassFixture<LowCodeHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Health_is_ready_when_the_silo_and_sqlite_answer()
    {
        var health = await _client.GetAsync("/health").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("ready", health.Text("status"));
        Assert.Equal("Sqlite", health.Text("storage"));
    }

    [Fact]
    public async Task OpenApi_document_describes_every_mapped_route_with_a_name_summary_and_tag()
    {
        var document = await _client.GetAsync("/openapi/v1.json").ExpectAsync(HttpStatusCode.OK);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();

        Assert.Equal(MappedApiRoutes(), documented.Select(d => d.Route).Order(StringComparer.Ordinal));
        Assert.All(documented, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Operation.TextOrNull("operationId")), $"{d.Route} has no operationId (WithName)");
            Assert.False(string.IsNullOrWhiteSpace(d.Operation.TextOrNull("summary")), $"{d.Route} has no summary (WithSummary)");
            Assert.NotEmpty(d.Operation.Items("tags"));
        });
        Assert.Equal("LowCode API", document.GetProperty("info").Text("title"));
    }

    [Fact]
    public async Task Scalar_api_reference_page_answers_and_points_at_the_openapi_document()
    {
        using var page = await _client.GetAsync("/scalar/v1");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>LowCode API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        using var script = await _client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    /// <summary>
    /// "METHOD /path" for every route handler the app maps (pages and static files are not API), except
    /// the ones serving the docs themselves and those excluded from them (sign-in).
    /// </summary>
    private IReadOnlyList<string> MappedApiRoutes()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        return endpoints
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/openapi/", StringComparison.Ordinal) && !raw.StartsWith("/scalar", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not null)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Route templates as OpenAPI writes them: no constraints, no trailing slash.</summary>
    private static string Normalize(string template)
    {
        var path = RouteConstraint().Replace(template, "}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex RouteConstraint();
}
