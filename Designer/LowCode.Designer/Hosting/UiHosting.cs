using LowCode.Designer.Access;
using LowCode.Designer.TicketTypes.Editing;
using LowCode.Forms.Components.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Hosting;

/// <summary>
/// The web UI in the host: Razor components rendered on the server (static SSR, Interactive Server where a page
/// needs it — the portal's form), one authorization policy per area, the UI's languages, and the host's access
/// rules and user directory behind the pages.
/// </summary>
public static class UiHosting
{
    public static WebApplicationBuilder AddLowCodeUi<TAccess, TUsers>(this WebApplicationBuilder builder)
        where TAccess : class, IUiAccess
        where TUsers : class, IUserDirectory
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddLowCodeFormComponents();
        services.AddLowCodeUiCultures();
        services.AddSingleton<IUiAccess, TAccess>();
        services.AddScoped<IUserDirectory, TUsers>();
        services.AddSingleton<IAuthorizationHandler, UiAreaHandler>();
        services.AddScoped<ITicketTypeDesignerBackend, GrainTicketTypeDesignerBackend>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (area, policy) in UiPolicies.ByArea)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().AddRequirements(new UiAreaRequirement(area)));
        return builder;
    }

    /// <summary>Pages, their static assets, the interactive circuit and the language switch; call after authentication, authorization and antiforgery.</summary>
    public static WebApplication MapLowCodeUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            // The circuit's own endpoints (/_blazor…) are for people who reach the portal, like every interactive page.
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.StartsWith("/_blazor", StringComparison.Ordinal))
                endpoint.Metadata.Add(new AuthorizeAttribute(UiPolicies.Portal));
        });
        app.MapUiCultureSwitch();
        return app;
    }
}
