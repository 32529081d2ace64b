using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>The designer's backend in the host: the ticket-type grains, exactly as the API calls them.</summary>
internal sealed class GrainTicketTypeDesignerBackend(IGrainFactory grains, CalendarCatalog calendars, TicketReadModel readModel) : ITicketTypeDesignerBackend
{
    public Task<TicketTypeDraft?> GetDraftAsync(string key) => Grain(key).GetDraft();

    public async Task<DesignerResult<TicketTypeDraft>> CreateAsync(TicketTypeDefinition definition, string actor)
    {
        if (TicketTypeImport.CheckKey(definition.Key) is { } problem) return DesignerResult<TicketTypeDraft>.Fail(TicketTypeImport.KeyRule, [problem]);
        return From(await Grain(definition.Key!).Create(definition, actor));
    }

    public async Task<DesignerResult<TicketTypeDraft>> SaveDraftAsync(TicketTypeDefinition definition, string actor) =>
        From(await Grain(definition.Key).SaveDraft(definition, actor));

    public async Task<DesignerResult<PublishedVersion>> PublishAsync(string key, string actor) => From(await Grain(key).Publish(actor));

    public Task<IReadOnlyList<PublishedVersion>> GetVersionsAsync(string key) => Grain(key).GetVersions();

    public IReadOnlyList<ValidationProblem> Check(TicketTypeDefinition definition, int nextVersion) =>
        TicketTypeCompiler.Compile(definition, nextVersion, calendars.All).Problems;

    public Task<IReadOnlyList<TicketTypeSummary>> ListAsync() => readModel.ListTicketTypesAsync();

    public async Task<DesignerResult<string>> DeleteAsync(string key) => From(await Grain(key).Delete());

    public async Task<DesignerResult<TicketTypeDraft>> ImportAsync(string json, string actor)
    {
        var read = TicketTypeImport.Read(json);
        if (!read.Succeeded) return DesignerResult<TicketTypeDraft>.Fail(read.Error!, read.Problems);
        return await SaveDraftAsync(read.Value!, actor);
    }

    private ITicketTypeGrain Grain(string key) => grains.GetGrain<ITicketTypeGrain>(key);

    private static DesignerResult<T> From<T>(CommandOutcome<T> outcome) =>
        outcome.Succeeded ? DesignerResult<T>.Ok(outcome.Value!) : DesignerResult<T>.Fail(outcome.Message ?? "Refused.", outcome.Problems);
}
