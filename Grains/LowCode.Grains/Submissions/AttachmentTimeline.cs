using System.Collections.Immutable;
using LowCode.Grains.Attachments;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.Submissions;

/// <summary>The timeline entry that lists the files a submission attached to the ticket (after the engine's own entries).</summary>
internal static class AttachmentTimeline
{
    public static EngineResult With(EngineResult result, string ticketId, IReadOnlyList<AttachmentRecord> attachments, string actor, DateTimeOffset at, string? taskId)
    {
        if (attachments.Count == 0) return result;
        var sequence = result.State.Sequence + 1;
        var entry = new TimelineEntry(TimelineKind.AttachmentsLinked, at, actor,
            $"{attachments.Count} attachment(s): {string.Join(", ", attachments.Select(a => a.Name))}")
        {
            TaskId = taskId,
            After = attachments.Select(a => (object?)a.ToReference()).ToImmutableArray(),
        };
        return new EngineResult(result.State with { Sequence = sequence }, [.. result.Effects, new TimelineEffect(ticketId, sequence, entry)]);
    }
}
