namespace LowCode.Designer.Access;

/// <summary>The people who can sign in, as the administration page lists them (the host reads its identity store).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default);
}

public sealed record UserSummary(string Id, string UserName, string DisplayName, string Department, IReadOnlyList<string> Roles, bool LockedOut);
