using System.Diagnostics;

namespace LowCode.Benchmarks.Harness;

/// <summary>What a fixed-rate lifecycle run did, with latencies counted from each step's intended send time.</summary>
public sealed record LifecycleResult(int Arrivals, int Finished, long Transitions, TimeSpan Elapsed, Latency PerTransition, Latency PerTicket, long Commits)
{
    public double TransitionsPerSecond => Transitions / Elapsed.TotalSeconds;
    /// <summary>Some tickets were still unfinished at the drain deadline: their latencies are lower bounds.</summary>
    public bool Censored => Finished < Arrivals;
    public double CommitsPerTransition => (double)Commits / Math.Max(1, Transitions);
}

/// <summary>
/// Drives whole tickets at a fixed arrival rate: ticket i is submitted at its intended time, and each next
/// step (a task completion) is sent as soon as the previous one is acknowledged. A step's latency runs from
/// its intended send time — the arrival time for the submission, the previous acknowledgement for a task —
/// to its committed acknowledgement. Tickets still running at the drain deadline stop there and their open
/// step is recorded with the time waited so far (a lower bound).
/// </summary>
public static class Lifecycles
{
    public static async Task<LifecycleResult> RunAsync(double rate, TimeSpan duration, TimeSpan drain, int steps,
        Func<int, int, object?, CancellationToken, Task<object?>> step, Func<Task<long>> commits)
    {
        var perTransition = new Latency();
        var perTicket = new Latency();
        long transitions = 0;
        var before = await commits();
        var (arrivals, finished, elapsed) = await OpenLoop.RunAsync(rate, duration, drain, async (n, intended, abandon) =>
        {
            object? state = null;
            var sentAt = intended;
            for (var s = 0; s < steps; s++)
            {
                try
                {
                    state = await step(n, s, state, abandon);
                }
                catch (OperationCanceledException) when (abandon.IsCancellationRequested)
                {
                    perTransition.RecordSince(sentAt);
                    perTicket.RecordSince(intended);
                    return false;
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"    lifecycle step {s} of ticket {n} failed: {e.GetType().Name}: {e.Message}");
                    return false;
                }
                perTransition.RecordSince(sentAt);
                Interlocked.Increment(ref transitions);
                sentAt = Stopwatch.GetTimestamp();
                if (abandon.IsCancellationRequested && s + 1 < steps)
                {
                    perTicket.RecordSince(intended);
                    return false;
                }
            }
            perTicket.RecordSince(intended);
            return true;
        });
        var committed = await commits() - before;
        return new LifecycleResult(arrivals, finished, transitions, elapsed, perTransition, perTicket, committed);
    }
}
