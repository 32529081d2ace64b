using LowCode.Designer.Access;

namespace LowCode.Designer.Layout;

/// <summary>A link in the top navigation; <see cref="Key"/> is its stable <c>data-nav</c> name.</summary>
public sealed record NavItem(UiArea Area, string Key, string Href, string Label)
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new(UiArea.Portal, "portal", "/portal", "门户 Portal"),
        new(UiArea.Workspace, "workspace", "/workspace", "工作台 Workspace"),
        new(UiArea.Dashboards, "dashboards", "/dashboards", "仪表盘 Dashboards"),
        new(UiArea.Designer, "designer", "/designer", "设计器 Designer"),
        new(UiArea.Administration, "admin", "/admin", "系统管理 Administration"),
    ];

    public static IEnumerable<NavItem> For(Viewer viewer) => All.Where(item => viewer.Reaches(item.Area));
}
