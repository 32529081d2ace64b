using System.Collections.Immutable;
using LowCode.Forms.Schema;
using LowCode.Forms.Validation;
using LowCode.Grains.Attachments;

namespace LowCode.Grains.Submissions;

/// <summary>
/// The server's check of a ticket's form or a step's task form. Attachment references are first replaced by
/// what was stored at upload (name, size and checked type: a client's claims are never trusted), and each
/// must name an attachment the submitter uploaded and has not attached elsewhere, or one already on this
/// ticket; then <see cref="FormValidator"/> applies the form's rules (file limits judge the stored metadata).
/// </summary>
public sealed class FormSubmissions(AttachmentCatalog catalog)
{
    public async Task<FormSubmission> CheckAsync(FormSchema schema, ImmutableDictionary<string, object?> data, FormValidationContext context,
        string actor, string ticketId, CancellationToken ct = default)
    {
        data ??= ImmutableDictionary<string, object?>.Empty;
        var references = AttachmentReferences.Find(schema, data);
        var stored = await catalog.GetManyAsync(references.Select(r => r.Id).ToHashSet(StringComparer.Ordinal), ct);
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var resolved = AttachmentReferences.Map(schema, data, (path, id, reference) =>
        {
            if (stored.TryGetValue(id, out var attachment) && attachment.UsableBy(actor, ticketId)) return attachment.ToReference();
            refused[path] = $"Attachment '{id}' is unknown or is not yours to attach here; upload the file first (POST /api/attachments).";
            return Placeholder(id, reference);
        });

        var result = FormValidator.Validate(schema, resolved, context);
        var kept = AttachmentReferences.Find(schema, result.CleanData);
        // A refused reference stands in as a placeholder; its own problem replaces what the validator said about it.
        var problems = result.Problems.Where(p => !refused.ContainsKey(p.Path)).ToList();
        problems.AddRange(kept.Where(k => refused.ContainsKey(k.Path))
            .Select(k => new FormProblem(k.Path, SubmissionProblemCodes.Attachment, refused[k.Path])));
        var fresh = kept.Where(k => !refused.ContainsKey(k.Path) && stored[k.Id].TicketId is null).DistinctBy(k => k.Id).ToList();
        return new FormSubmission(result.CleanData, problems, [.. fresh.Select(k => stored[k.Id])])
        {
            PathOf = fresh.ToDictionary(k => k.Id, k => k.Path, StringComparer.Ordinal),
        };
    }

    private static ImmutableDictionary<string, object?> Placeholder(string id, ImmutableDictionary<string, object?> reference) =>
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new KeyValuePair<string, object?>[]
        {
            new("id", id), new("name", reference.GetValueOrDefault("name") as string ?? id), new("size", 0m), new("contentType", "application/octet-stream"),
        });
}
