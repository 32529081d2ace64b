using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LowCode.Designer.Hosting;

/// <summary>
/// The UI's languages: English and Chinese (zh-CN). The browser's Accept-Language chooses, unless the person
/// picked one with the switch in the header, which posts here (antiforgery-checked) and is kept in the
/// culture cookie (<see cref="CookieRequestCultureProvider"/>).
/// </summary>
public static class UiCultures
{
    public static readonly string[] Supported = ["en", "zh-CN"];

    public static IServiceCollection AddLowCodeUiCultures(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Supported[0]).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

    /// <summary>Sets the request's culture and UI culture; call early, before anything renders text.</summary>
    public static IApplicationBuilder UseLowCodeUiCultures(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static IEndpointRouteBuilder MapUiCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/culture", ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext context) =>
        {
            if (!Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
                return Results.Problem(statusCode: 400, title: "The request could not be read.", detail: $"culture must be one of {string.Join(", ", Supported)}.");
            var chosen = new RequestCulture(CultureInfo.GetCultureInfo(culture));
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(chosen),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        })
        .AllowAnonymous().ExcludeFromDescription().WithName("SetUiCulture");
        return app;
    }

    /// <summary>Only back to a page of this site: a path, never another host (<c>//evil</c>, <c>/\evil</c>).</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
