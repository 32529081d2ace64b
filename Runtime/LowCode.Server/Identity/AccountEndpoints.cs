using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace LowCode.Server.Identity;

/// <summary>The sign-in page (a plain form with antiforgery, rate-limited, locking out after repeated failures) and sign-out.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(context, antiforgery, returnUrl, error: null)).AllowAnonymous();

        account.MapPost("/login", async (HttpContext context, IAntiforgery antiforgery, SignInManager<LowCodeUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: 400, title: "The sign-in form expired; reload the page and try again.");
            var form = context.Request.Form;
            var returnUrl = form["returnUrl"].ToString();
            var result = await signIn.PasswordSignInAsync(form["username"].ToString(), form["password"].ToString(), isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
            var error = result.IsLockedOut ? "This account is locked for a while after too many failed attempts." : "Wrong user name or password.";
            return Page(context, antiforgery, returnUrl, error, StatusCodes.Status400BadRequest);
        }).AllowAnonymous().RequireRateLimiting(IdentityHosting.SignInLimit).DisableAntiforgery();

        account.MapPost("/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<LowCodeUser> signIn, TokenBackchannel backchannel) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            await SignOutEverywhereAsync(context, signIn, backchannel);
            return Results.LocalRedirect("/account/login");
        }).AllowAnonymous().DisableAntiforgery();
    }

    /// <summary>Ends the site session (revoking its refresh token) and the sign-in page's session.</summary>
    public static async Task SignOutEverywhereAsync(HttpContext context, SignInManager<LowCodeUser> signIn, TokenBackchannel backchannel)
    {
        var site = await context.AuthenticateAsync(WebSignIn.Scheme);
        if (site.Properties is { } properties && WebSession.RefreshTokenOf(properties) is { } refreshToken)
            await backchannel.RevokeAsync(context, refreshToken);
        await context.SignOutAsync(WebSignIn.Scheme);
        await signIn.SignOutAsync();
    }

    private static bool IsLocal(string url) => WebSignIn.IsLocal(url);

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status = 200)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · LowCode</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;background:#f4f6f8;display:grid;place-items:center;height:100vh;margin:0}
            form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 12px #0002;min-width:300px}
            label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}
            button{margin-top:1.5rem;width:100%;padding:.6rem;background:#1565c0;color:#fff;border:0;border-radius:4px}
            .error{color:#b00020;margin-top:1rem}</style></head>
            <body><form method="post" action="/account/login">
            <h1>LowCode 工单</h1>
            <input type="hidden" name="{{e.Encode(tokens.FormFieldName)}}" value="{{e.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{e.Encode(returnUrl ?? "/")}}">
            <label for="username">User name 用户名</label><input id="username" name="username" autocomplete="username" required autofocus>
            <label for="password">Password 密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{e.Encode(error)}</p>")}}
            <button type="submit">Sign in 登录</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
