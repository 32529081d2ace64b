namespace LowCode.Grains.Hosting;

/// <summary>
/// The clock tickets, deadlines and SLAs run on. It wraps a <see cref="TimeProvider"/> without
/// registering one, so tests can put ticket time on a fake clock while Orleans keeps real time.
/// </summary>
public sealed class TicketClock(TimeProvider time)
{
    public static readonly TicketClock System = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;
    public DateTimeOffset Now => Time.GetUtcNow();
}
