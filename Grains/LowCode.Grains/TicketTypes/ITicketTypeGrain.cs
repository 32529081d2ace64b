using LowCode.Grains.Contracts;
using LowCode.Runtime.Validation;

namespace LowCode.Grains.TicketTypes;

/// <summary>One ticket type (key: its key): the editable draft and the immutable published versions.</summary>
public interface ITicketTypeGrain : IGrainWithStringKey
{
    Task<CommandOutcome<TicketTypeDraft>> Create(TicketTypeDefinition definition, string actor);
    Task<CommandOutcome<TicketTypeDraft>> SaveDraft(TicketTypeDefinition definition, string actor);
    Task<TicketTypeDraft?> GetDraft();
    Task<IReadOnlyList<ValidationProblem>?> Validate();
    Task<CommandOutcome<PublishedVersion>> Publish(string actor);
    Task<PublishedVersion?> GetVersion(int version);
    Task<PublishedVersion?> GetLatest();
    Task<IReadOnlyList<PublishedVersion>> GetVersions();

    /// <summary>Removes a ticket type that was never published (published versions are pinned by tickets); refused (conflict) otherwise.</summary>
    Task<CommandOutcome<string>> Delete();
}
