using LowCode.Grains.Contracts;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>
/// Where the designer loads and saves ticket types. The host's implementation goes through the same grain calls
/// (and so the same validation) as the ticket-type API and import: a definition the designer saved always runs.
/// </summary>
public interface ITicketTypeDesignerBackend
{
    Task<TicketTypeDraft?> GetDraftAsync(string key);
    Task<DesignerResult<TicketTypeDraft>> CreateAsync(TicketTypeDefinition definition, string actor);
    Task<DesignerResult<TicketTypeDraft>> SaveDraftAsync(TicketTypeDefinition definition, string actor);
    Task<DesignerResult<PublishedVersion>> PublishAsync(string key, string actor);
    Task<IReadOnlyList<PublishedVersion>> GetVersionsAsync(string key);

    /// <summary>Checks a working copy without saving it (the same compiler publishing uses).</summary>
    IReadOnlyList<ValidationProblem> Check(TicketTypeDefinition definition, int nextVersion);

    /// <summary>Every ticket type and where it stands (draft, latest published version, unpublished changes).</summary>
    Task<IReadOnlyList<TicketTypeSummary>> ListAsync();

    /// <summary>Deletes a ticket type that was never published; refused once a version exists (tickets pin versions).</summary>
    Task<DesignerResult<string>> DeleteAsync(string key);

    /// <summary>Creates or replaces a draft from exported JSON, as the import API does; the draft comes back with its problems.</summary>
    Task<DesignerResult<TicketTypeDraft>> ImportAsync(string json, string actor);
}

/// <summary>A backend call's outcome: the value, or a message with the problems that refused it.</summary>
public sealed record DesignerResult<T>(T? Value, string? Error, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Succeeded => Error is null;
    public static DesignerResult<T> Ok(T value) => new(value, null, []);
    public static DesignerResult<T> Fail(string error, IReadOnlyList<ValidationProblem>? problems = null) => new(default, error, problems ?? []);
}
