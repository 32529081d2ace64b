using System.Security.Claims;

namespace LowCode.Server.Apis;

/// <summary>Who is asking. (Sign-in arrives with the identity work; until then callers are anonymous.)</summary>
public static class Actors
{
    public static string Current(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue("sub") ?? context.User.Identity.Name ?? "user"
            : "anonymous";
}
