using System.Data.Common;

namespace LowCode.Grains.Storage;

/// <summary>
/// A grain state that brings rows of the read model along: <see cref="LowCodeGrainStorage"/> writes them in
/// the same savepoint as the state, so both are stored or neither is, at the cost of one commit.
/// </summary>
public interface IProjectedState
{
    /// <summary>
    /// The rows to write with this state, captured now (the write runs later, on the silo's writer); null
    /// when the state carries nothing new for the read model.
    /// </summary>
    TransactionWork<bool>? PendingProjection();
}
