using System.Diagnostics;

namespace LowCode.Benchmarks.Harness;

/// <summary>What a load step did: operations completed, time taken, and their latencies.</summary>
public sealed record LoadResult(long Operations, TimeSpan Elapsed, Latency Latency, long Failures)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;
}

/// <summary>Closed-loop load: N callers, each starting its next operation when the previous one is acknowledged.</summary>
public static class ClosedLoop
{
    /// <summary>
    /// Runs <paramref name="operation"/> from <paramref name="callers"/> concurrent callers: first for
    /// <paramref name="warmUp"/> (not recorded), then for <paramref name="duration"/>. The argument is a
    /// sequence number, unique across callers.
    /// </summary>
    public static async Task<LoadResult> RunAsync(int callers, TimeSpan warmUp, TimeSpan duration, Func<long, Task> operation)
    {
        long sequence = 0;
        if (warmUp > TimeSpan.Zero) await Phase(warmUp, null);
        var latency = new Latency();
        var (ops, failures, elapsed) = await Phase(duration, latency);
        return new LoadResult(ops, elapsed, latency, failures);

        async Task<(long, long, TimeSpan)> Phase(TimeSpan length, Latency? record)
        {
            long ops = 0, failures = 0;
            var started = Stopwatch.GetTimestamp();
            var stopAt = started + (long)(length.TotalSeconds * Stopwatch.Frequency);
            var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < stopAt)
                {
                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(Interlocked.Increment(ref sequence));
                        record?.RecordSince(begin);
                        Interlocked.Increment(ref ops);
                    }
                    catch (Exception e)
                    {
                        if (Interlocked.Increment(ref failures) <= 3) Console.Error.WriteLine($"    operation failed: {e.GetType().Name}: {e.Message}");
                    }
                }
            })).ToArray();
            await Task.WhenAll(workers);
            return (ops, failures, Stopwatch.GetElapsedTime(started));
        }
    }
}

/// <summary>
/// Open-loop load at a fixed arrival rate: arrival i is due at start + i / rate whether or not earlier
/// ones finished, and every latency counts from that intended time, so a stalled system cannot hide
/// its queueing (coordinated omission corrected).
/// </summary>
public static class OpenLoop
{
    /// <summary>
    /// Starts <paramref name="arrival"/> at each intended time for <paramref name="duration"/>, then waits up to
    /// <paramref name="drain"/> for them to finish. The callback gets the arrival number and its intended
    /// Stopwatch timestamp, and the token that is cancelled when the drain time is up; it returns
    /// whether the arrival's work finished (false when it gave up at the drain deadline).
    /// </summary>
    public static async Task<(int Arrivals, int Finished, TimeSpan Elapsed)> RunAsync(
        double rate, TimeSpan duration, TimeSpan drain, Func<int, long, CancellationToken, Task<bool>> arrival)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var running = new Task[count];
        using var abandon = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        var finished = 0;
        var lastFinished = started;
        var ticksPerArrival = Stopwatch.Frequency / rate;
        for (var i = 0; i < count; i++)
        {
            var intended = started + (long)(i * ticksPerArrival);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            else while (Stopwatch.GetTimestamp() < intended) Thread.SpinWait(20);
            var n = i;
            running[i] = Task.Run(async () =>
            {
                if (!await arrival(n, intended, abandon.Token)) return;
                Interlocked.Increment(ref finished);
                var now = Stopwatch.GetTimestamp();
                long seen;
                while ((seen = Interlocked.Read(ref lastFinished)) < now && Interlocked.CompareExchange(ref lastFinished, now, seen) != seen) { }
            });
        }
        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(drain)) != all) abandon.Cancel();
        try { await all; } catch (OperationCanceledException) { }
        var end = Math.Max(Interlocked.Read(ref lastFinished), started + (long)(duration.TotalSeconds * Stopwatch.Frequency));
        return (count, finished, Stopwatch.GetElapsedTime(started, end));
    }
}

/// <summary>Closed-loop load of a fixed amount of work: N callers share <c>count</c> operations (for work that uses something up, e.g. capacity).</summary>
public static class CountedLoop
{
    public static async Task<LoadResult> RunAsync(int callers, int count, Func<long, Task> operation)
    {
        long next = 0, ops = 0, failures = 0;
        var latency = new Latency();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            long n;
            while ((n = Interlocked.Increment(ref next)) <= count)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    await operation(n);
                    latency.RecordSince(begin);
                    Interlocked.Increment(ref ops);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref failures) <= 3) Console.Error.WriteLine($"    operation failed: {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(ops, Stopwatch.GetElapsedTime(started), latency, failures);
    }
}
