using System.Diagnostics;
using HdrHistogram;

namespace LowCode.Benchmarks.Harness;

/// <summary>Latencies in microseconds (1 µs to 10 min, 3 significant digits), safe to record from many callers.</summary>
public sealed class Latency
{
    private readonly LongConcurrentHistogram _histogram = new(1, 600_000_000, 3);

    public long Count => _histogram.TotalCount;

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public void Record(TimeSpan elapsed) => _histogram.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, 600_000_000));

    public double PercentileMs(double percentile) => Count == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    public Figure P50 => new(PercentileMs(50), "ms", 2);
    public Figure P99 => new(PercentileMs(99), "ms", 2);
}
