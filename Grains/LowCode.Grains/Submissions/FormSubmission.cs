using System.Collections.Immutable;
using LowCode.Forms.Validation;
using LowCode.Grains.Attachments;

namespace LowCode.Grains.Submissions;

/// <summary>
/// Submitted form data after the server's check: the clean data to store (only when <see cref="IsValid"/>),
/// every problem, and the attachments it references that are not yet linked to the ticket (to link on commit).
/// </summary>
public sealed record FormSubmission(ImmutableDictionary<string, object?> CleanData, IReadOnlyList<FormProblem> Problems, IReadOnlyList<AttachmentRecord> NewAttachments)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Where in the data each new attachment is referenced (its first place), to name it in a refusal.</summary>
    public IReadOnlyDictionary<string, string> PathOf { get; init; } = new Dictionary<string, string>();
}

/// <summary>Codes of problems the server adds to the form validator's (<see cref="FormProblemCodes"/>).</summary>
public static class SubmissionProblemCodes
{
    /// <summary>An attachment reference names no attachment the submitter may use.</summary>
    public const string Attachment = "attachment";
}
