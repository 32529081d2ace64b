namespace LowCode.Designer.Localization;

/// <summary>
/// The administration pages' UI text (users and their roles), read through <c>IStringLocalizer&lt;AdminText&gt;</c> from <c>Resources/Localization/AdminText*.resx</c>:
/// English, and Chinese for zh-CN (the file is zh-Hans, the parent of zh-CN). Each constant is a resource name.
/// </summary>
public sealed class AdminText
{
    public const string Administration = nameof(Administration);
    public const string Users = nameof(Users);
    public const string ColUserName = nameof(ColUserName);
    public const string ColName = nameof(ColName);
    public const string ColDepartment = nameof(ColDepartment);
    public const string ColRoles = nameof(ColRoles);
    public const string ColState = nameof(ColState);
    public const string LockedOut = nameof(LockedOut);
    public const string Active = nameof(Active);
}
