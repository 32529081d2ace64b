namespace LowCode.Server.Identity;

/// <summary>Security headers on every response: no sniffing, no framing, no referrer leaks, a strict CSP for pages.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The API reference page loads its viewer from a CDN; everything else is same-origin only.
            // Downloaded attachments run nothing, even if a browser were to render one.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/attachments")
                ? "default-src 'none'; sandbox; frame-ancestors 'none'"
                : context.Request.Path.StartsWithSegments("/scalar")
                ? "default-src 'self' https://cdn.jsdelivr.net; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; font-src 'self' data: https://fonts.gstatic.com https://cdn.jsdelivr.net; img-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            return Task.CompletedTask;
        });
        await next();
    });
}
