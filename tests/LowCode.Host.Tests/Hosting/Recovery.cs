using System.Collections.Concurrent;
using System.Diagnostics;

namespace LowCode.Host.Tests.Hosting;

/// <summary>Reading many tickets back after a restart, and waiting (bounded) for the system to settle.</summary>
public static class Recovery
{
    /// <summary>Every ticket from its grain (null when the host says 404), read four at a time.</summary>
    public static async Task<IReadOnlyDictionary<string, TicketSnapshot?>> ReadAllAsync(LowCodeApi api, IEnumerable<string> ids)
    {
        var tickets = new ConcurrentDictionary<string, TicketSnapshot?>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (id, ct) => tickets[id] = await api.FindTicketAsync(id, ct));
        return tickets;
    }

    /// <summary>
    /// Checks <paramref name="condition"/> until it holds, at most for <paramref name="timeout"/>; fails
    /// with its last explanation. Returns how long it took.
    /// </summary>
    public static async Task<string> PollAsync(TimeSpan timeout, Func<Task<(bool Holds, string Explanation)>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (holds, explanation) = await condition();
            if (holds) return $"held after {clock.Elapsed.TotalSeconds:0.0} s";
            if (clock.Elapsed > timeout)
                throw new Xunit.Sdk.XunitException($"Still not true after {timeout.TotalSeconds:0} s: {explanation}");
            await Task.Delay(200);
        }
    }

    /// <summary>Why the read model's row differs from the ticket's grain, or null when they agree.</summary>
    public static string? Disagreement(TicketSnapshot grain, TicketListRow? row) =>
        row is null ? $"{grain.Id} is not in the read model (grain: {grain})"
        : row.Status != grain.Status || row.CurrentSteps != grain.CurrentSteps
            ? $"{grain.Id}: read model says {row.Status} at '{row.CurrentSteps}', grain says {grain.Status} at '{grain.CurrentSteps}'"
            : null;
}
