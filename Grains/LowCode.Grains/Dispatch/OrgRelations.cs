using System.Collections.Immutable;
using LowCode.Grains.Organisation;
using LowCode.Runtime.Definitions;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.Dispatch;

/// <summary>
/// Approvals relative to the org chart: "the requester's manager" is the line manager on the requester's
/// profile; "the department head" is the head of the requester's department in the org tables. An
/// approver who is an agent out of office hands the approval to their delegate. Recorded like dispatch.
/// </summary>
public sealed class OrgRelations(OrgDirectory org)
{
    public static bool IsRelation(Participant? p) => p is { Kind: ParticipantKind.RequesterManager or ParticipantKind.DepartmentHead };

    public async Task<DispatchDecision?> ResolveAsync(TicketState ticket, TaskState task, DateTimeOffset now)
    {
        if (!IsRelation(task.Assignment.To) && !task.Candidates.Any(IsRelation)) return null;
        return Resolve(await org.CurrentAsync(), ticket, task, now);
    }

    /// <summary>The same resolution against a given organisation (the designer's test run uses a sample one); null when the task names no relation.</summary>
    public static DispatchDecision? Resolve(OrgSnapshot snapshot, TicketState ticket, TaskState task, DateTimeOffset now)
    {
        if (!IsRelation(task.Assignment.To) && !task.Candidates.Any(IsRelation)) return null;
        var notes = new List<string>();
        string? Person(Participant p)
        {
            var (person, what) = p.Kind == ParticipantKind.RequesterManager
                ? (NonEmpty(ticket.Requester.Manager), "the requester's line manager")
                : (snapshot.Departments.GetValueOrDefault(ticket.Requester.Department)?.Head, $"the head of department {ticket.Requester.Department}");
            if (person is null)
            {
                notes.Add($"no {(p.Kind == ParticipantKind.RequesterManager ? "line manager" : "department head")} is on record for {ticket.Requester.Name}");
                return null;
            }
            if (snapshot.Agents.GetValueOrDefault(person) is { OutOfOffice: { Delegate: { Length: > 0 } stand } away } && away.Covers(now) && stand != person)
            {
                notes.Add($"{what} {person} is out of office; delegate {stand} decides");
                return stand;
            }
            notes.Add($"{what}: {person}");
            return person;
        }

        var assignee = IsRelation(task.Assignment.To) ? Person(task.Assignment.To!) : null;
        var offer = task.Candidates.Select(p => IsRelation(p) ? (p == task.Assignment.To ? assignee : Person(p)) is { } user ? new Participant(ParticipantKind.User, user) : null : p)
            .OfType<Participant>().Distinct().ToImmutableArray();
        var record = ImmutableDictionary.CreateRange<string, object?>(StringComparer.Ordinal,
        [
            new("relation", string.Join(", ", new[] { task.Assignment.To }.Concat(task.Candidates).Where(IsRelation).Select(p => p!.Kind.ToString()).Distinct())),
            new("requester", ticket.Requester.Id),
            new("department", ticket.Requester.Department),
            new("assignee", assignee),
            new("candidates", offer.Select(p => (object?)p.ToString()).ToImmutableArray()),
            new("reason", string.Join("; ", notes.Distinct())),
            new("outcome", assignee is not null || offer.Length > 0 ? "assigned" : "unassigned"),
        ]);
        var summary = assignee is not null ? $"{task.Name} → {assignee}: {string.Join("; ", notes.Distinct())} (org chart)"
            : $"{task.Name}: {string.Join("; ", notes.Distinct())} (org chart)";
        return new DispatchDecision(task.Id, summary, record)
        {
            Assignee = assignee,
            Offer = offer.IsEmpty ? [] : offer,
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
