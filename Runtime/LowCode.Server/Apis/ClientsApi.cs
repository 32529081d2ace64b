using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LowCode.Server.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCode.Server.Apis;

/// <summary>
/// Integration clients (ERP, CRM, order systems) an administrator registers: client credentials with the
/// scopes they may ask for. A secret is shown once, when it is created or rotated; removing a client
/// revokes its tokens. The site's own clients cannot be changed here.
/// </summary>
public static partial class ClientsApi
{
    public sealed record ClientView(string ClientId, string Name, string Type, IReadOnlyList<string> Scopes, bool BuiltIn);
    public sealed record NewClient(string? ClientId, string? Name, List<string>? Scopes);
    public sealed record ClientSecret(string ClientId, string Secret);

    private static readonly string[] BuiltIn = [WebSignIn.ClientId, "lowcode-cli"];
    private static readonly string[] Grantable = [.. Identity.Scopes.All, IdentityHosting.ReportsScope];

    public static void MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clients").WithTags("Integration clients").RequireAuthorization(Policies.Administrator);

        api.MapGet("/", async (IOpenIddictApplicationManager apps, CancellationToken ct) =>
        {
            var list = new List<ClientView>();
            await foreach (var application in apps.ListAsync(cancellationToken: ct)) list.Add(await ViewAsync(apps, application, ct));
            return Results.Ok(list.OrderBy(c => c.ClientId, StringComparer.Ordinal));
        }).WithName("ListClients").WithSummary("Every registered client with its type and scopes (never its secret).");

        api.MapPost("/", async (HttpRequest request, IOpenIddictApplicationManager apps, CancellationToken ct) =>
        {
            var (body, error) = await Problems.ReadBody<NewClient>(request);
            if (error is not null) return error;
            if (body!.ClientId is not { } id || !ClientIdPattern().IsMatch(id))
                return Problems.Field("clientId", "The client id must be 3–64 lower-case letters, digits, '-' or '.', starting with a letter.");
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
                return Problems.Field("name", "Give the client a name of at most 200 characters (e.g. 'SAP ERP').");
            var scopes = body.Scopes ?? [];
            if (scopes.Count == 0 || scopes.Any(s => !Grantable.Contains(s)))
                return Problems.Field("scopes", $"Choose scopes among: {string.Join(", ", Grantable)}.");
            if (await apps.FindByClientIdAsync(id, ct) is not null)
                return Results.Problem(statusCode: 409, title: "Conflict", detail: $"A client '{id}' already exists.");

            var secret = NewSecret();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = id, ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = body.Name.Trim(),
                Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in scopes.Distinct(StringComparer.Ordinal)) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            await apps.CreateAsync(descriptor, ct);
            return Results.Created($"/api/clients/{id}", new ClientSecret(id, secret));
        }).Accepts<NewClient>("application/json").Produces<ClientSecret>(201)
          .WithName("CreateClient").WithSummary("Registers an integration client; the answer holds its secret, shown this once.");

        api.MapPost("/{clientId}/secret", async (string clientId, IOpenIddictApplicationManager apps, CancellationToken ct) =>
        {
            if (await ChangeableAsync(apps, clientId, ct) is { } refusal) return refusal;
            var application = (await apps.FindByClientIdAsync(clientId, ct))!;
            var secret = NewSecret();
            var descriptor = new OpenIddictApplicationDescriptor();
            await apps.PopulateAsync(descriptor, application, ct);
            descriptor.ClientSecret = secret;
            await apps.UpdateAsync(application, descriptor, ct);
            return Results.Ok(new ClientSecret(clientId, secret));
        }).Produces<ClientSecret>().WithName("RotateClientSecret").WithSummary("Replaces the client's secret (the old one stops working); the answer holds the new one.");

        api.MapDelete("/{clientId}", async (string clientId, IOpenIddictApplicationManager apps, IOpenIddictTokenManager tokens, CancellationToken ct) =>
        {
            if (await ChangeableAsync(apps, clientId, ct) is { } refusal) return refusal;
            var application = (await apps.FindByClientIdAsync(clientId, ct))!;
            if (await apps.GetIdAsync(application, ct) is { } applicationId) await tokens.RevokeByApplicationIdAsync(applicationId, ct);
            await apps.DeleteAsync(application, ct);
            return Results.NoContent();
        }).WithName("DeleteClient").WithSummary("Removes the client and revokes its tokens.");
    }

    private static async Task<IResult?> ChangeableAsync(IOpenIddictApplicationManager apps, string clientId, CancellationToken ct)
    {
        if (await apps.FindByClientIdAsync(clientId, ct) is null) return Problems.NotFound($"Client '{clientId}' does not exist.");
        return BuiltIn.Contains(clientId)
            ? Results.Problem(statusCode: 409, title: "Conflict", detail: $"'{clientId}' belongs to LowCode itself and cannot be changed here.")
            : null;
    }

    private static async Task<ClientView> ViewAsync(IOpenIddictApplicationManager apps, object application, CancellationToken ct)
    {
        var id = await apps.GetClientIdAsync(application, ct) ?? "";
        var permissions = await apps.GetPermissionsAsync(application, ct);
        return new ClientView(id, await apps.GetDisplayNameAsync(application, ct) ?? id, await apps.GetClientTypeAsync(application, ct) ?? "",
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal)],
            BuiltIn.Contains(id));
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z][a-z0-9.-]{2,63}$")]
    private static partial Regex ClientIdPattern();
}
