using Microsoft.AspNetCore.Authorization;

namespace LowCode.Designer.Access;

/// <summary>One authorization policy per area; pages declare theirs with <c>[Authorize(Policy = UiPolicies.X)]</c>.</summary>
public static class UiPolicies
{
    public const string Portal = "ui.portal";
    public const string Workspace = "ui.workspace";
    public const string Dashboards = "ui.dashboards";
    public const string Designer = "ui.designer";
    public const string Administration = "ui.administration";

    internal static readonly IReadOnlyDictionary<UiArea, string> ByArea = new Dictionary<UiArea, string>
    {
        [UiArea.Portal] = Portal, [UiArea.Workspace] = Workspace, [UiArea.Dashboards] = Dashboards,
        [UiArea.Designer] = Designer, [UiArea.Administration] = Administration,
    };
}

/// <summary>The signed-in person must reach the area.</summary>
public sealed record UiAreaRequirement(UiArea Area) : IAuthorizationRequirement;

internal sealed class UiAreaHandler(IUiAccess access) : AuthorizationHandler<UiAreaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UiAreaRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && access.Viewer(context.User).Reaches(requirement.Area))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
