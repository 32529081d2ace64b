using System.Collections.Concurrent;
using LowCode.Grains.Contracts;
using LowCode.Runtime.Execution;

namespace LowCode.Grains.TicketTypes;

/// <summary>A published version ready to run: the package as designed and its compiled plan.</summary>
public sealed record CompiledTicketType(TicketTypeDefinition Definition, ExecutionPlan Plan);

/// <summary>
/// Compiled plans per (ticket type, version), per silo. Published versions never change, so a plan
/// is compiled once and shared by every ticket of that version on this silo — until a business
/// calendar changes, when plans are compiled again with the new calendars.
/// </summary>
public sealed class PlanCache(IGrainFactory grains, CalendarCatalog calendars)
{
    private readonly ConcurrentDictionary<(string, int), Lazy<Task<CompiledTicketType>>> _plans = new();

    private long _calendarsVersion = long.MinValue;

    public async Task<CompiledTicketType> GetAsync(string ticketType, int version)
    {
        await calendars.RefreshAsync();
        if (calendars.Version != Interlocked.Read(ref _calendarsVersion))
        {
            // A calendar changed: plans compiled with the old ones are compiled again on next use.
            _plans.Clear();
            Interlocked.Exchange(ref _calendarsVersion, calendars.Version);
        }
        var lazy = _plans.GetOrAdd((ticketType, version), key => new Lazy<Task<CompiledTicketType>>(() => LoadAsync(key.Item1, key.Item2)));
        var task = lazy.Value;
        if (task.IsFaulted) _plans.TryRemove(new KeyValuePair<(string, int), Lazy<Task<CompiledTicketType>>>((ticketType, version), lazy));
        return await task;
    }

    /// <summary>Compiles a version that is already known (used right after publishing).</summary>
    public void Add(PublishedVersion published, string ticketType) =>
        _plans[(ticketType, published.Version)] = new Lazy<Task<CompiledTicketType>>(Task.FromResult(Compile(published, ticketType)));

    private async Task<CompiledTicketType> LoadAsync(string ticketType, int version)
    {
        var published = await grains.GetGrain<ITicketTypeGrain>(ticketType).GetVersion(version)
            ?? throw new InvalidOperationException($"Ticket type {ticketType} has no version {version}.");
        return Compile(published, ticketType);
    }

    private CompiledTicketType Compile(PublishedVersion published, string ticketType)
    {
        var definition = published.Definition with { Key = ticketType };
        var result = TicketTypeCompiler.Compile(definition, published.Version, calendars.All);
        return new CompiledTicketType(definition, result.Plan ?? throw new InvalidOperationException(
            $"Published version {published.Version} of {ticketType} no longer compiles: {string.Join("; ", result.Errors)}"));
    }
}
