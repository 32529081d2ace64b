using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Lookup;

/// <summary>
/// A lookup over fixed lists, for the designer's preview, demos and tests: a search matches the value,
/// name or detail, ignoring case. Assets are listed per source URL.
/// </summary>
public sealed class InMemoryFormLookup(
    IEnumerable<LookupOption>? users = null,
    IEnumerable<LookupOption>? teams = null,
    IReadOnlyDictionary<string, IReadOnlyList<LookupOption>>? assetsByUrl = null,
    int maxResults = 20) : IFormLookup
{
    private readonly IReadOnlyList<LookupOption> _users = [.. users ?? []];
    private readonly IReadOnlyList<LookupOption> _teams = [.. teams ?? []];

    public Task<IReadOnlyList<LookupOption>> SearchUsersAsync(string query, CancellationToken cancellationToken) => Search(_users, query);

    public Task<IReadOnlyList<LookupOption>> SearchTeamsAsync(string query, CancellationToken cancellationToken) => Search(_teams, query);

    public Task<IReadOnlyList<LookupOption>> SearchAssetsAsync(FormField field, string query, CancellationToken cancellationToken) =>
        Search(AssetsOf(field), query);

    public Task<string?> DescribeAsync(FormField field, string value, CancellationToken cancellationToken)
    {
        var list = field.Type switch { FieldType.UserPicker => _users, FieldType.TeamPicker => _teams, _ => AssetsOf(field) };
        return Task.FromResult(list.FirstOrDefault(o => o.Value == value)?.Label);
    }

    private IReadOnlyList<LookupOption> AssetsOf(FormField field) =>
        field.Options?.Url is { } url && assetsByUrl?.TryGetValue(url, out var assets) == true ? assets : [];

    private Task<IReadOnlyList<LookupOption>> Search(IReadOnlyList<LookupOption> options, string query) =>
        Task.FromResult<IReadOnlyList<LookupOption>>(options.Where(o => Matches(o, query.Trim())).Take(maxResults).ToList());

    private static bool Matches(LookupOption option, string query) =>
        option.Value.Contains(query, StringComparison.OrdinalIgnoreCase)
        || option.Label.Contains(query, StringComparison.OrdinalIgnoreCase)
        || option.Detail?.Contains(query, StringComparison.OrdinalIgnoreCase) == true;
}
