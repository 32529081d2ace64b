using System.Collections.Concurrent;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.TicketTypes;

/// <summary>
/// Compiled plans per (ticket type, version), per silo. Published versions never change, so a plan
/// is compiled once and shared by every ticket of that version on this silo.
/// </summary>
public sealed class PlanCache(IGrainFactory grains, CalendarCatalog calendars)
{
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<ExecutionPlan>>> _plans = new();

    public Task<ExecutionPlan> GetAsync(string ticketType, int version)
    {
        var lazy = _plans.GetOrAdd((ticketType, version), key => new Lazy<Task<ExecutionPlan>>(() => LoadAsync(key.Item1, key.Item2)));
        var task = lazy.Value;
        if (task.IsFaulted) _plans.TryRemove(new KeyValuePair<(string, int), Lazy<Task<ExecutionPlan>>>((ticketType, version), lazy));
        return task;
    }

    /// <summary>Compiles a definition that is already known (used right after publishing).</summary>
    public ExecutionPlan Add(PublishedVersion published, string ticketType)
    {
        var plan = Compile(published, ticketType);
        _plans[(ticketType, published.Version)] = new Lazy<Task<ExecutionPlan>>(Task.FromResult(plan));
        return plan;
    }

    private async Task<ExecutionPlan> LoadAsync(string ticketType, int version)
    {
        var published = await grains.GetGrain<ITicketTypeGrain>(ticketType).GetVersion(version)
            ?? throw new InvalidOperationException($"Ticket type {ticketType} has no version {version}.");
        return Compile(published, ticketType);
    }

    private ExecutionPlan Compile(PublishedVersion published, string ticketType)
    {
        var result = TicketTypeCompiler.Compile(published.Definition with { Key = ticketType }, published.Version, calendars.All);
        return result.Plan ?? throw new InvalidOperationException(
            $"Published version {published.Version} of {ticketType} no longer compiles: {string.Join("; ", result.Errors)}");
    }
}
