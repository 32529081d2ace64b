namespace LowCode.Grains.Organisation;

/// <summary>
/// The people the organisation refers to (leads, members, heads, agents, delegates). The host answers
/// from its identity store; without one (grain tests) everyone named exists.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>The display names of those of <paramref name="userIds"/> who exist, by user id.</summary>
    Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);
}

/// <summary>Everyone exists, named by their id: for silos without an identity store.</summary>
public sealed class AnyoneExists : IPeopleDirectory
{
    public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(userIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => id, StringComparer.Ordinal));
}
