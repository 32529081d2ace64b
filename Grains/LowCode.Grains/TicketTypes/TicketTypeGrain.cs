using LowCode.Grains.Hosting;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Runtime.Validation;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// Drafts and published versions of one ticket type. Publishing validates the draft and freezes a
/// copy as the next version; tickets pin the version they started with.
/// </summary>
public sealed class TicketTypeGrain(
    [PersistentState("ticketType", "tickets")] IPersistentState<TicketTypeState> state,
    CalendarCatalog calendars, PlanCache plans, TicketReadModel readModel, TicketClock clock) : Grain, ITicketTypeGrain
{
    private string Key => this.GetPrimaryKeyString();
    private TicketTypeState S => state.State;

    public async Task<CommandOutcome<TicketTypeDraft>> Create(TicketTypeDefinition definition, string actor)
    {
        if (S.Draft is not null) return CommandOutcome<TicketTypeDraft>.Fail(CommandError.Conflict, $"Ticket type '{Key}' already exists.");
        return await SaveDraft(definition, actor);
    }

    public async Task<CommandOutcome<TicketTypeDraft>> SaveDraft(TicketTypeDefinition definition, string actor)
    {
        if (definition.Key != Key)
            return CommandOutcome<TicketTypeDraft>.Fail(CommandError.Invalid, $"The definition's key '{definition.Key}' does not match '{Key}'.");
        S.Draft = definition with { Workflow = definition.Workflow with { Key = Key } };
        S.DraftUpdatedAt = clock.Now;
        S.DraftUpdatedBy = actor;
        S.DraftChanged = true;
        await state.WriteStateAsync();
        await Project();
        // Drafts may have problems (publishing may not): the designer shows them right away.
        return CommandOutcome<TicketTypeDraft>.Ok(DraftView()! with { Problems = TicketTypeCompiler.Compile(S.Draft, NextVersion, calendars.All).Problems });
    }

    public Task<TicketTypeDraft?> GetDraft() => Task.FromResult(DraftView());

    public Task<IReadOnlyList<ValidationProblem>?> Validate() =>
        Task.FromResult(S.Draft is null ? null : TicketTypeCompiler.Compile(S.Draft, NextVersion, calendars.All).Problems);

    public async Task<CommandOutcome<PublishedVersion>> Publish(string actor)
    {
        if (S.Draft is null) return CommandOutcome<PublishedVersion>.Fail(CommandError.NotFound, $"Ticket type '{Key}' does not exist.");
        var result = TicketTypeCompiler.Compile(S.Draft, NextVersion, calendars.All);
        if (!result.Succeeded)
            return CommandOutcome<PublishedVersion>.Fail(CommandError.Invalid, $"'{Key}' has {result.Errors.Count()} problem(s); fix them before publishing.", result.Problems);
        if (!S.DraftChanged && S.Versions.Count > 0)
            return CommandOutcome<PublishedVersion>.Ok(S.Versions[^1]);
        var published = new PublishedVersion(NextVersion, S.Draft, clock.Now, actor);
        S.Versions.Add(published);
        S.DraftChanged = false;
        await state.WriteStateAsync();
        plans.Add(published, Key);
        await Project();
        return CommandOutcome<PublishedVersion>.Ok(published);
    }

    public Task<PublishedVersion?> GetVersion(int version) => Task.FromResult(S.Versions.Find(v => v.Version == version));
    public Task<PublishedVersion?> GetLatest() => Task.FromResult(S.Versions.Count == 0 ? null : S.Versions[^1]);
    public Task<IReadOnlyList<PublishedVersion>> GetVersions() => Task.FromResult<IReadOnlyList<PublishedVersion>>(S.Versions);

    public async Task<CommandOutcome<string>> Delete()
    {
        if (S.Draft is null) return CommandOutcome<string>.Fail(CommandError.NotFound, $"Ticket type '{Key}' does not exist.");
        if (S.Versions.Count > 0)
            return CommandOutcome<string>.Fail(CommandError.Conflict, $"Ticket type '{Key}' has published versions that tickets may use; only a never-published draft can be deleted.");
        await state.ClearStateAsync();
        await readModel.DeleteTicketTypeAsync(Key);
        DeactivateOnIdle();
        return CommandOutcome<string>.Ok(Key);
    }

    private int NextVersion => S.Versions.Count + 1;

    private TicketTypeDraft? DraftView() => S.Draft is null ? null : new TicketTypeDraft(S.Draft, S.DraftUpdatedAt, S.DraftUpdatedBy)
    {
        LatestVersion = S.Versions.Count == 0 ? null : S.Versions[^1].Version,
        HasUnpublishedChanges = S.DraftChanged,
    };

    private Task Project() => readModel.UpsertTicketTypeAsync(new TicketTypeSummary(Key, S.Draft!.Name, S.Draft.Category, S.Draft.Description)
    {
        LatestVersion = S.Versions.Count == 0 ? null : S.Versions[^1].Version,
        HasUnpublishedChanges = S.DraftChanged,
        UpdatedAt = S.DraftUpdatedAt,
        UpdatedBy = S.DraftUpdatedBy,
    });
}
