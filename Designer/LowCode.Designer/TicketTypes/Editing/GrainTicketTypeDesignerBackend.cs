using LowCode.Grains.Contracts;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Validation;

namespace LowCode.Designer.TicketTypes.Editing;

/// <summary>The designer's backend in the host: the ticket-type grains, exactly as the API calls them.</summary>
internal sealed class GrainTicketTypeDesignerBackend(IGrainFactory grains, CalendarCatalog calendars) : ITicketTypeDesignerBackend
{
    public Task<TicketTypeDraft?> GetDraftAsync(string key) => Grain(key).GetDraft();

    public async Task<DesignerResult<TicketTypeDraft>> CreateAsync(TicketTypeDefinition definition, string actor)
    {
        if (!TicketTypeCompiler.IsKey(definition.Key ?? ""))
            return DesignerResult<TicketTypeDraft>.Fail("The key must be lower-case letters, digits and '-', starting with a letter (e.g. equipment-repair).",
                [new ValidationProblem("invalid-key", "Use lower-case letters, digits and '-', starting with a letter.") { Path = "key" }]);
        return From(await Grain(definition.Key!).Create(definition, actor));
    }

    public async Task<DesignerResult<TicketTypeDraft>> SaveDraftAsync(TicketTypeDefinition definition, string actor) =>
        From(await Grain(definition.Key).SaveDraft(definition, actor));

    public async Task<DesignerResult<PublishedVersion>> PublishAsync(string key, string actor) => From(await Grain(key).Publish(actor));

    public Task<IReadOnlyList<PublishedVersion>> GetVersionsAsync(string key) => Grain(key).GetVersions();

    public IReadOnlyList<ValidationProblem> Check(TicketTypeDefinition definition, int nextVersion) =>
        TicketTypeCompiler.Compile(definition, nextVersion, calendars.All).Problems;

    private ITicketTypeGrain Grain(string key) => grains.GetGrain<ITicketTypeGrain>(key);

    private static DesignerResult<T> From<T>(CommandOutcome<T> outcome) =>
        outcome.Succeeded ? DesignerResult<T>.Ok(outcome.Value!) : DesignerResult<T>.Fail(outcome.Message ?? "Refused.", outcome.Problems);
}
