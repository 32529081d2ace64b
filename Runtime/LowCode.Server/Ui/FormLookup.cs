using LowCode.Forms.Components.Lookup;
using LowCode.Forms.Schema;
using LowCode.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace LowCode.Server.Ui;

/// <summary>The pickers of a form search the people and teams of the identity store (at most 20 answers); assets are not in it yet.</summary>
public sealed class FormLookup(IdentityDb db) : IFormLookup
{
    private const int Limit = 20;

    public async Task<IReadOnlyList<LookupOption>> SearchUsersAsync(string query, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking()
            .Where(u => u.UserName!.Contains(query) || u.DisplayName.Contains(query))
            .OrderBy(u => u.DisplayName).Take(Limit).ToListAsync(cancellationToken);
        return [.. people.Select(u => new LookupOption(u.Id, u.DisplayName, u.Department))];
    }

    public async Task<IReadOnlyList<LookupOption>> SearchTeamsAsync(string query, CancellationToken cancellationToken)
    {
        var teams = await db.UserClaims.AsNoTracking()
            .Where(c => c.ClaimType == LowCodeClaims.Team && c.ClaimValue!.Contains(query))
            .Select(c => c.ClaimValue!).Distinct().OrderBy(t => t).Take(Limit).ToListAsync(cancellationToken);
        return [.. teams.Select(t => new LookupOption(t, t))];
    }

    public Task<IReadOnlyList<LookupOption>> SearchAssetsAsync(FormField field, string query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LookupOption>>([]);

    public async Task<string?> DescribeAsync(FormField field, string value, CancellationToken cancellationToken) =>
        field.Type == FieldType.UserPicker
            ? await db.Users.AsNoTracking().Where(u => u.Id == value).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
}
