namespace LowCode.Server.Organisation;

/// <summary>Body of <c>POST /api/users</c>: a person who can sign in, with roles and place in the org chart.</summary>
public sealed record CreateUserRequest
{
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string? DisplayName { get; init; }
    public string? Email { get; init; }
    public List<string>? Roles { get; init; }
    public string? Department { get; init; }
    /// <summary>User id of the line manager (approvals "to the requester's manager").</summary>
    public string? ManagerId { get; init; }
    public string? Region { get; init; }
    /// <summary>Organisation roles flows assign to (team-lead, quality-inspector, finance-clerk…).</summary>
    public List<string>? OrgRoles { get; init; }
}

/// <summary>Body of <c>PUT /api/users/{id}</c>: everything but the user name and password.</summary>
public sealed record UpdateUserRequest
{
    public string? DisplayName { get; init; }
    public string? Email { get; init; }
    public List<string>? Roles { get; init; }
    public string? Department { get; init; }
    public string? ManagerId { get; init; }
    public string? Region { get; init; }
    public List<string>? OrgRoles { get; init; }
}
