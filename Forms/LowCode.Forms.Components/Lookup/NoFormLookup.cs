using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Lookup;

/// <summary>The lookup used when the host plugs in none: every search finds nothing.</summary>
public sealed class NoFormLookup : IFormLookup
{
    public static readonly NoFormLookup Instance = new();

    private static readonly Task<IReadOnlyList<LookupOption>> Nothing = Task.FromResult<IReadOnlyList<LookupOption>>([]);

    public Task<IReadOnlyList<LookupOption>> SearchUsersAsync(string query, CancellationToken cancellationToken) => Nothing;

    public Task<IReadOnlyList<LookupOption>> SearchTeamsAsync(string query, CancellationToken cancellationToken) => Nothing;

    public Task<IReadOnlyList<LookupOption>> SearchAssetsAsync(FormField field, string query, CancellationToken cancellationToken) => Nothing;
}
