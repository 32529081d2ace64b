using LowCode.Designer.TicketTypes.Editing;
using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.Tests.Support;

/// <summary>The designer's backend in memory: drafts and versions in dictionaries, checks by the real compiler.</summary>
internal sealed class FakeDesignerBackend : ITicketTypeDesignerBackend
{
    public Dictionary<string, TicketTypeDraft> Drafts { get; } = [];
    public Dictionary<string, List<PublishedVersion>> Versions { get; } = [];
    public int Saves { get; private set; }

    public Task<TicketTypeDraft?> GetDraftAsync(string key) => Task.FromResult(Drafts.GetValueOrDefault(key));

    public Task<DesignerResult<TicketTypeDraft>> CreateAsync(TicketTypeDefinition definition, string actor) =>
        TicketTypeImport.CheckKey(definition.Key) is { } problem ? Task.FromResult(DesignerResult<TicketTypeDraft>.Fail(TicketTypeImport.KeyRule, [problem]))
        : Drafts.ContainsKey(definition.Key)
            ? Task.FromResult(DesignerResult<TicketTypeDraft>.Fail($"Ticket type '{definition.Key}' already exists."))
            : SaveDraftAsync(definition, actor);

    public Task<DesignerResult<TicketTypeDraft>> SaveDraftAsync(TicketTypeDefinition definition, string actor)
    {
        Saves++;
        var versions = Versions.GetValueOrDefault(definition.Key) ?? [];
        var draft = new TicketTypeDraft(definition, DateTimeOffset.UtcNow, actor)
        {
            LatestVersion = versions.Count == 0 ? null : versions[^1].Version,
            HasUnpublishedChanges = true,
            Problems = Check(definition, versions.Count + 1),
        };
        Drafts[definition.Key] = draft;
        return Task.FromResult(DesignerResult<TicketTypeDraft>.Ok(draft));
    }

    public Task<DesignerResult<PublishedVersion>> PublishAsync(string key, string actor)
    {
        var draft = Drafts[key];
        var versions = Versions.TryGetValue(key, out var list) ? list : Versions[key] = [];
        var problems = Check(draft.Definition, versions.Count + 1);
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
            return Task.FromResult(DesignerResult<PublishedVersion>.Fail("Fix the problems first.", problems));
        var published = new PublishedVersion(versions.Count + 1, draft.Definition, DateTimeOffset.UtcNow, actor);
        versions.Add(published);
        Drafts[key] = draft with { LatestVersion = published.Version, HasUnpublishedChanges = false };
        return Task.FromResult(DesignerResult<PublishedVersion>.Ok(published));
    }

    public Task<IReadOnlyList<PublishedVersion>> GetVersionsAsync(string key) =>
        Task.FromResult<IReadOnlyList<PublishedVersion>>(Versions.GetValueOrDefault(key) ?? []);

    public IReadOnlyList<ValidationProblem> Check(TicketTypeDefinition definition, int nextVersion) =>
        TicketTypeCompiler.Compile(definition, nextVersion, Calendars.All).Problems;

    public Task<IReadOnlyList<TicketTypeSummary>> ListAsync() => Task.FromResult<IReadOnlyList<TicketTypeSummary>>(
        [.. Drafts.Values.Select(d => new TicketTypeSummary(d.Definition.Key, d.Definition.Name, d.Definition.Category, d.Definition.Description)
        {
            LatestVersion = d.LatestVersion, HasUnpublishedChanges = d.HasUnpublishedChanges, UpdatedAt = d.UpdatedAt, UpdatedBy = d.UpdatedBy,
        }).OrderBy(t => t.Category).ThenBy(t => t.Name)]);

    public Task<DesignerResult<string>> DeleteAsync(string key) => Task.FromResult(
        !Drafts.ContainsKey(key) ? DesignerResult<string>.Fail($"Ticket type '{key}' does not exist.")
        : Versions.GetValueOrDefault(key) is { Count: > 0 } ? DesignerResult<string>.Fail($"Ticket type '{key}' has published versions.")
        : Drafts.Remove(key) ? DesignerResult<string>.Ok(key) : DesignerResult<string>.Fail("Not removed."));

    public Task<DesignerResult<TicketTypeDraft>> ImportAsync(string json, string actor)
    {
        var read = TicketTypeImport.Read(json);
        return read.Succeeded ? SaveDraftAsync(read.Value!, actor) : Task.FromResult(DesignerResult<TicketTypeDraft>.Fail(read.Error!, read.Problems));
    }

    private static readonly CalendarCatalog Calendars = new();
}
