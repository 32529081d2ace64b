using LowCode.Grains.Storage;

namespace LowCode.Grains.Dispatch;

/// <summary>
/// The turn counter of one round-robin rule (key: "ticket-type/rule"), shared by every silo so the
/// rotation is one rotation, and stored so a restart carries on where the rotation was.
/// </summary>
public interface IRoundRobinGrain : IGrainWithStringKey
{
    Task<long> Next();
}

/// <summary>Stored turn of a round-robin rule: no turn below <see cref="Reserved"/> has been handed out twice.</summary>
public sealed class RoundRobinState
{
    public long Reserved { get; set; }
}

/// <summary>
/// Turns are reserved a block at a time (one write per <see cref="Block"/> turns, not per task) and the exact turn is
/// stored when the grain deactivates. After a crash the rotation goes on from the end of the last block: it skips at
/// most a block's worth of turns (shifting whose turn is next) but never starts over from the first candidate.
/// </summary>
public sealed class RoundRobinGrain([PersistentState("turn", SiloStorageExtensions.TicketStorage)] IPersistentState<RoundRobinState> state)
    : Grain, IRoundRobinGrain
{
    public const int Block = 16;

    private long _turn;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _turn = state.State.Reserved;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        if (state.State.Reserved == _turn) return;
        state.State.Reserved = _turn;
        await state.WriteStateAsync(ct);
    }

    public async Task<long> Next()
    {
        if (_turn >= state.State.Reserved)
        {
            state.State.Reserved = _turn + Block;
            await state.WriteStateAsync();
        }
        return _turn++;
    }
}
