using LowCode.Runtime.Validation;

namespace LowCode.Grains.Contracts;

/// <summary>A frozen, published version of a ticket type.</summary>
public sealed record PublishedVersion(int Version, TicketTypeDefinition Definition, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>What the ticket type list shows.</summary>
public sealed record TicketTypeSummary(string Key, string Name, string Category, string? Description)
{
    public int? LatestVersion { get; init; }
    public bool HasUnpublishedChanges { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public string? UpdatedBy { get; init; }
}

/// <summary>The draft as stored, with who changed it last.</summary>
public sealed record TicketTypeDraft(TicketTypeDefinition Definition, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public int? LatestVersion { get; init; }
    public bool HasUnpublishedChanges { get; init; }
    /// <summary>What the draft's check found when it was saved (forms and flow); null where it was not checked.</summary>
    public IReadOnlyList<ValidationProblem>? Problems { get; init; }
}

/// <summary>The outcome of a publish: the new version, or the problems that prevent it.</summary>
public sealed record PublishResult(PublishedVersion? Published, IReadOnlyList<ValidationProblem> Problems);

/// <summary>The outcome of a command on a grain: refused with a reason, or done.</summary>
public sealed record CommandOutcome<T>(T? Value, CommandError? Error, string? Message, IReadOnlyList<ValidationProblem>? Problems = null)
{
    public static CommandOutcome<T> Ok(T value) => new(value, null, null);
    public static CommandOutcome<T> Fail(CommandError error, string message, IReadOnlyList<ValidationProblem>? problems = null) => new(default, error, message, problems);
    public bool Succeeded => Error is null;
}

public enum CommandError
{
    Invalid,
    NotFound,
    Conflict,
    /// <summary>Submitted form data was refused; the problems' paths are field paths (<c>Lines[1].Amount</c>).</summary>
    InvalidForm,
}
