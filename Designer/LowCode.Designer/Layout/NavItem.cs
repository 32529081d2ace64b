using LowCode.Designer.Access;
using LowCode.Designer.Localization;

namespace LowCode.Designer.Layout;

/// <summary>
/// A link in the top navigation; <see cref="Key"/> is its stable <c>data-nav</c> name, <see cref="Label"/> the
/// <see cref="NavText"/> resource of its text.
/// </summary>
public sealed record NavItem(UiArea Area, string Key, string Href, string Label)
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new(UiArea.Portal, "portal", "/portal", NavText.Nav_portal),
        new(UiArea.Workspace, "workspace", "/workspace", NavText.Nav_workspace),
        new(UiArea.Dashboards, "dashboards", "/dashboards", NavText.Nav_dashboards),
        new(UiArea.Designer, "designer", "/designer", NavText.Nav_designer),
        new(UiArea.Administration, "admin", "/admin", NavText.Nav_admin),
    ];

    public static IEnumerable<NavItem> For(Viewer viewer) => All.Where(item => viewer.Reaches(item.Area));
}
