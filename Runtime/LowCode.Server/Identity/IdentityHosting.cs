using System.Threading.RateLimiting;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using OidcScopes = OpenIddict.Abstractions.OpenIddictConstants.Scopes;

namespace LowCode.Server.Identity;

/// <summary>
/// Sign-in and access: ASP.NET Core Identity users in LowCode's database, an OpenIddict server
/// (authorization code + PKCE, refresh tokens, client credentials, introspection, revocation) with keys
/// shared by every instance, bearer-or-cookie authentication, the access policies, and rate limits.
/// </summary>
public static class IdentityHosting
{
    public const string Scheme = "lowcode";
    public const string SignInLimit = "sign-in";

    public static WebApplicationBuilder AddLowCodeIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDbContext<IdentityDb>((sp, options) =>
        {
            var storage = sp.GetRequiredService<StorageOptions>();
            if (storage.Kind == StorageKind.Postgres) options.UseNpgsql(storage.ConnectionString);
            else options.UseSqlite(storage.ConnectionString);
            options.UseOpenIddict();
        });

        services.AddIdentity<LowCodeUser, IdentityRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<LowCodeClaimsFactory>();
        services.AddSingleton<Grains.Organisation.IPeopleDirectory, IdentityPeople>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.Cookie.Name = "lowcode.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });

        // Sessions of deleted users (or users whose security stamp changed) end within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<KeyStore>(sp => new KeyStore(sp.GetRequiredService<LowCodeDatabase>()));
        services.AddDataProtection().SetApplicationName("lowcode");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<KeyStore>()));

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                 .SetTokenEndpointUris("connect/token")
                 .SetIntrospectionEndpointUris("connect/introspect")
                 .SetRevocationEndpointUris("connect/revoke")
                 .SetEndSessionEndpointUris("connect/logout")
                 .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                 .AllowRefreshTokenFlow()
                 .AllowClientCredentialsFlow();
                o.RegisterScopes([OidcScopes.OpenId, OidcScopes.Profile, OidcScopes.Roles, OidcScopes.OfflineAccess, .. Identity.Scopes.All, ReportsScope]);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30)).SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                o.UseAspNetCore()
                 .EnableAuthorizationEndpointPassthrough()
                 .EnableTokenEndpointPassthrough()
                 .EnableEndSessionEndpointPassthrough()
                 .EnableUserInfoEndpointPassthrough()
                 .DisableTransportSecurityRequirement();
                o.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
                o.AddEventHandler(ClientRedirectUris.Descriptor);
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.EnableTokenEntryValidation(); // revoked tokens stop working at once
                o.AddAudiences(Identity.Scopes.ApiAudience);
            });

        // Keys from the shared store and the ticket clock (tests move it) for token lifetimes.
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => new ConfigureOptions<OpenIddictServerOptions>(o =>
        {
            var keys = sp.GetRequiredService<KeyStore>();
            o.SigningCredentials.Add(new Microsoft.IdentityModel.Tokens.SigningCredentials(keys.SigningKey(), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
            o.EncryptionCredentials.Add(new Microsoft.IdentityModel.Tokens.EncryptingCredentials(keys.EncryptionKey(),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256KW, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.Aes256CbcHmacSha512));
            o.TimeProvider = sp.GetRequiredService<Grains.Hosting.TicketClock>().Time;
        }));
        services.AddSingleton<IConfigureOptions<OpenIddictValidationOptions>>(sp => new ConfigureOptions<OpenIddictValidationOptions>(o =>
            o.TimeProvider = sp.GetRequiredService<Grains.Hosting.TicketClock>().Time));

        // A bearer token when one is sent, the site cookie (from the web client's code flow) otherwise.
        // The sign-in page's cookie is only the authorization server's session: it opens nothing else.
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or site cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : WebSignIn.Scheme);
        services.AddWebSignIn();
        // AddIdentity made its own cookie the default for pages; pages and API go by the policy scheme instead.
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultAuthenticateScheme = Scheme;
            o.DefaultChallengeScheme = Scheme;
            o.DefaultForbidScheme = Scheme;
        });

        services.AddAuthorization(o =>
        {
            o.DefaultPolicy = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();
            o.AddPolicy(Policies.TicketsRead, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c => Allows(c, Identity.Scopes.TicketsRead, Identity.Scopes.TicketsWrite)));
            o.AddPolicy(Policies.TicketsWrite, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c => Allows(c, Identity.Scopes.TicketsWrite)));
            o.AddPolicy(Policies.TicketTypesRead, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c => Allows(c, Identity.Scopes.TicketTypesRead, Identity.Scopes.TicketTypesWrite)));
            o.AddPolicy(Policies.TicketTypesWrite, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c =>
                Allows(c, Identity.Scopes.TicketTypesWrite, userRoles: [Roles.Analyst, Roles.Administrator])));
            o.AddPolicy(Policies.Administrator, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c =>
                Caller.From(c.User) is { IsClient: false, IsAdministrator: true }));
            // People who work with the organisation: staff (who assign and take work) and analysts (who write dispatch rules).
            o.AddPolicy(Policies.OrgRead, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireAssertion(c =>
                Caller.From(c.User) is { IsClient: false } caller && (caller.IsStaff || caller.Has(Roles.Analyst))));
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var permit = builder.Configuration.GetValue("LowCode:Security:SignInPermitPerMinute", 20);
            // One bucket per address and endpoint, so token refreshes do not use up people's sign-in attempts.
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.Request.Path}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddScoped<PersonSessions>();
        services.AddAntiforgery();
        services.AddHostedService<IdentitySeeder>();
        return builder;
    }

    /// <summary>A scope of another API: tokens for it must not open the LowCode API (audience check).</summary>
    public const string ReportsScope = "reports.read";

    /// <summary>
    /// Clients pass only with one of the scopes. People pass by role (or simply by being signed in);
    /// a person's token must also carry the scope, so an app a person signed in to gets no more than it asked for.
    /// </summary>
    private static bool Allows(AuthorizationHandlerContext context, string scope, string? otherScope = null, string[]? userRoles = null)
    {
        var caller = Caller.From(context.User);
        var scoped = caller.Scopes.Contains(scope) || (otherScope is not null && caller.Scopes.Contains(otherScope));
        if (caller.IsClient) return scoped;
        if (caller.Scopes.Count > 0 && !scoped) return false; // a bearer token for a person, without this scope
        return userRoles is null || userRoles.Any(caller.Has);
    }

    internal static Task Deny<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> context, int status) where T : AuthenticationSchemeOptions
    {
        // Only the API answers 401/403. Pages redirect (to start the web client's code flow), and so does
        // /connect/authorize: a browser sent there must reach the sign-in page and come back, not stop at a bare 401.
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Named access policies every route declares.</summary>
public static class Policies
{
    public const string TicketsRead = "tickets.read";
    public const string TicketsWrite = "tickets.write";
    public const string TicketTypesRead = "ticket-types.read";
    public const string TicketTypesWrite = "ticket-types.write";
    public const string Administrator = "administrator";
    public const string OrgRead = "org.read";
}
