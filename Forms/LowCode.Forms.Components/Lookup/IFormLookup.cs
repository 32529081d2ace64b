using LowCode.Forms.Schema;

namespace LowCode.Forms.Components.Lookup;

/// <summary>
/// Where the pickers of a form find people, teams and assets. The host implements it over its directory
/// and asset register; without one the pickers find nothing (<see cref="NoFormLookup"/>).
/// Implementations should cap the number of results (the renderer shows all it is given).
/// </summary>
public interface IFormLookup
{
    /// <summary>People for a user picker; <paramref name="query"/> is what the user typed (never empty).</summary>
    Task<IReadOnlyList<LookupOption>> SearchUsersAsync(string query, CancellationToken cancellationToken);

    /// <summary>Teams for a team picker.</summary>
    Task<IReadOnlyList<LookupOption>> SearchTeamsAsync(string query, CancellationToken cancellationToken);

    /// <summary>Assets for an asset lookup field whose options come from a URL (<c>field.Options.Url</c>).</summary>
    Task<IReadOnlyList<LookupOption>> SearchAssetsAsync(FormField field, string query, CancellationToken cancellationToken);

    /// <summary>
    /// The name to show for a value already in the data (a saved draft, a default such as <c>requester.Id</c>);
    /// null shows the value itself.
    /// </summary>
    Task<string?> DescribeAsync(FormField field, string value, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
