using System.Collections.Concurrent;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace LowCode.Benchmarks.Peer;

/// <summary>
/// Tells the load driver when a peer ticket's stage is committed: a decorator over any Workflow Core
/// persistence provider that, after <c>PersistWorkflow</c> returns (the write is durable for the SQL
/// provider), completes the waiter for (ticket, stage). Everything else passes straight through.
/// </summary>
public sealed class CommittedStages(IPersistenceProvider inner) : IPersistenceProvider
{
    private readonly ConcurrentDictionary<(string Ticket, string Stage), TaskCompletionSource> _waiters = new();

    /// <summary>Completes once the ticket's workflow is stored at <paramref name="stage"/>.</summary>
    public async Task WaitAsync(string ticket, string stage, CancellationToken ct = default)
    {
        var waiter = _waiters.GetOrAdd((ticket, stage), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try { await waiter.Task.WaitAsync(ct); }
        finally { _waiters.TryRemove((ticket, stage), out _); }
    }

    private void Committed(WorkflowInstance workflow)
    {
        // Waiters register before they act, so a stage nobody waits for (stored again later) is ignored.
        if (workflow.Data is RepairData data && _waiters.TryGetValue((data.TicketId, data.Stage), out var waiter)) waiter.TrySetResult();
    }

    public async Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        await inner.PersistWorkflow(workflow, cancellationToken);
        Committed(workflow);
    }

    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        await inner.PersistWorkflow(workflow, subscriptions, cancellationToken);
        Committed(workflow);
    }

    public Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) => inner.CreateNewWorkflow(workflow, cancellationToken);
    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableInstances(asAt, cancellationToken);
#pragma warning disable CS0612, CS0618 // part of the interface, obsolete upstream
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take);
#pragma warning restore CS0612, CS0618
    public Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) => inner.GetWorkflowInstance(Id, cancellationToken);
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) => inner.GetWorkflowInstances(ids, cancellationToken);
    public Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default) => inner.CreateEventSubscription(subscription, cancellationToken);
    public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken);
    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.TerminateSubscription(eventSubscriptionId, cancellationToken);
    public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.GetSubscription(eventSubscriptionId, cancellationToken);
    public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken);
    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) => inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken);
    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) => inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken);
    public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) => inner.CreateEvent(newEvent, cancellationToken);
    public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) => inner.GetEvent(id, cancellationToken);
    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableEvents(asAt, cancellationToken);
    public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => inner.GetEvents(eventName, eventKey, asOf, cancellationToken);
    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventProcessed(id, cancellationToken);
    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventUnprocessed(id, cancellationToken);
    public bool SupportsScheduledCommands => inner.SupportsScheduledCommands;
    public Task ScheduleCommand(ScheduledCommand command) => inner.ScheduleCommand(command);
    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) => inner.ProcessCommands(asOf, action, cancellationToken);
    public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default) => inner.PersistErrors(errors, cancellationToken);
    public void EnsureStoreExists() => inner.EnsureStoreExists();
}
