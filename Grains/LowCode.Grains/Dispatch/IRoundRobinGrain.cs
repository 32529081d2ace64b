namespace LowCode.Grains.Dispatch;

/// <summary>
/// The turn counter of one round-robin rule (key: "ticket-type/rule"), shared by every silo so the
/// rotation is one rotation. Kept in memory: after a restart the rotation starts again from the first
/// candidate, which only shifts whose turn it is.
/// </summary>
public interface IRoundRobinGrain : IGrainWithStringKey
{
    Task<long> Next();
}

public sealed class RoundRobinGrain : Grain, IRoundRobinGrain
{
    private long _turn;

    public Task<long> Next() => Task.FromResult(_turn++);
}
