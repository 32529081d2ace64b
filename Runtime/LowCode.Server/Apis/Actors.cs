using LowCode.Server.Identity;

namespace LowCode.Server.Apis;

/// <summary>Who is asking, as recorded on tickets (the actor of a change).</summary>
public static class Actors
{
    public static string Current(HttpContext context) => Identity.Caller.From(context.User) is { Id.Length: > 0 } caller ? caller.Id : "anonymous";

    public static Caller Caller(HttpContext context) => Identity.Caller.From(context.User);
}
