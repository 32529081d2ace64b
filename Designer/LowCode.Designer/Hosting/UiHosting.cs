using LowCode.Designer.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Hosting;

/// <summary>
/// The web UI in the host: Razor components rendered on the server (static SSR for now), one
/// authorization policy per area, and the host's access rules and user directory behind the pages.
/// </summary>
public static class UiHosting
{
    public static WebApplicationBuilder AddLowCodeUi<TAccess, TUsers>(this WebApplicationBuilder builder)
        where TAccess : class, IUiAccess
        where TUsers : class, IUserDirectory
    {
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<IUiAccess, TAccess>();
        services.AddScoped<IUserDirectory, TUsers>();
        services.AddSingleton<IAuthorizationHandler, UiAreaHandler>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (area, policy) in UiPolicies.ByArea)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().AddRequirements(new UiAreaRequirement(area)));
        return builder;
    }

    /// <summary>Pages and their static assets; call after authentication, authorization and antiforgery.</summary>
    public static WebApplication MapLowCodeUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
