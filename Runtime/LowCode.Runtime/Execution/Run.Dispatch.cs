using LowCode.Runtime.Definitions;

namespace LowCode.Runtime.Execution;

// Dispatch decisions: who takes a task (or which queue sees it), recorded with the reasons.
internal sealed partial class Run
{
    private void DispatchTask(DispatchTask input)
    {
        var task = RequireOpenTask(input.TaskId);
        var assignee = !string.IsNullOrWhiteSpace(input.Assignee) ? input.Assignee : input.Unassign ? null : task.Assignee;
        var candidates = input.Offer.IsDefaultOrEmpty ? task.Candidates : input.Offer;
        ReplaceTask(task with { Assignee = assignee, Candidates = candidates });
        // The decision record goes on the timeline even when nothing changed: it says why.
        Timeline(TimelineKind.Dispatch, input.Summary, task.NodeId, task.Id,
            assignee != task.Assignee ? "assignee" : "candidates", task.Assignee, input.Decision.IsEmpty ? null : input.Decision);
        if (!input.Notify.IsDefaultOrEmpty)
            Notify("inApp", input.Notify, $"Dispatch: {task.Name}", input.Summary, task.NodeId);
    }
}
