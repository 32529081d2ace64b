using Microsoft.AspNetCore.Identity;

namespace LowCode.Server.Identity;

/// <summary>A person who signs in. The id doubles as the person id on tickets (requester, assignee).</summary>
public sealed class LowCodeUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Department { get; set; } = "";
    /// <summary>User id of the line manager (org chart).</summary>
    public string? ManagerId { get; set; }
    public string Region { get; set; } = "";
}
