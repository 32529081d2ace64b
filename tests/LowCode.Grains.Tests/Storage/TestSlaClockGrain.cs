using System.Threading.Channels;

namespace LowCode.Grains.Tests.Storage;

public interface ITestSlaClockGrain : IGrainWithStringKey
{
    Task Start(TimeSpan due, TimeSpan period);
    Task Stop();
}

/// <summary>An SLA clock on an Orleans reminder; every tick is reported on <see cref="Ticks"/>.</summary>
public sealed class TestSlaClockGrain(ILocalSiloDetails silo) : Grain, ITestSlaClockGrain, IRemindable
{
    private const string Reminder = "sla";

    /// <summary>(clock key, silo address) per tick, across every silo in the test process.</summary>
    public static Channel<(string Clock, string Silo)> Ticks { get; } = Channel.CreateUnbounded<(string, string)>();

    public Task Start(TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(Reminder, due, period);

    public async Task Stop()
    {
        if (await this.GetReminder(Reminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.Writer.TryWrite((this.GetPrimaryKeyString(), silo.SiloAddress.ToString()));
        return Task.CompletedTask;
    }
}
