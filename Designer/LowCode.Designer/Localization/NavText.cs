namespace LowCode.Designer.Localization;

/// <summary>
/// The navigation's and the page layout's UI text (areas, brand, sign-out), read through <c>IStringLocalizer&lt;NavText&gt;</c> from <c>Resources/Localization/NavText*.resx</c>:
/// English, and Chinese for zh-CN (the file is zh-Hans, the parent of zh-CN). Each constant is a resource name.
/// </summary>
public sealed class NavText
{
    public const string Brand = nameof(Brand);
    public const string MainNavigation = nameof(MainNavigation);
    public const string Nav_portal = nameof(Nav_portal);
    public const string Nav_workspace = nameof(Nav_workspace);
    public const string Nav_dashboards = nameof(Nav_dashboards);
    public const string Nav_designer = nameof(Nav_designer);
    public const string Nav_admin = nameof(Nav_admin);
    public const string SignOut = nameof(SignOut);
    public const string NotFound = nameof(NotFound);
    public const string NotFoundText = nameof(NotFoundText);
    public const string AccessDenied = nameof(AccessDenied);
    public const string AccessDeniedText = nameof(AccessDeniedText);
    public const string BackToPortal = nameof(BackToPortal);
}
