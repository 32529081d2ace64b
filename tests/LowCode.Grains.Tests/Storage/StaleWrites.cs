using LowCode.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace LowCode.Grains.Tests.Storage;

/// <summary>
/// Two copies of one ticket's state, as two activations in a split brain would hold them, written
/// straight through the silo's "tickets" storage: only the copy with the current ETag may write.
/// </summary>
internal static class StaleWrites
{
    public static async Task AreRejectedAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(SiloStorageExtensions.TicketStorage);
        const string grainType = "testticket";
        var id = GrainId.Create(grainType, $"T-{Guid.NewGuid():N}");
        var winner = new GrainState<TestTicketState>(new() { Notes = ["opened by A"] });
        var loser = new GrainState<TestTicketState>(new() { Notes = ["opened by B"] });

        // Both believe the ticket was never stored: the first insert wins.
        await storage.WriteStateAsync(grainType, id, winner);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(grainType, id, loser));

        // Both read the same version: the first update wins, the other ETag is now stale.
        await storage.ReadStateAsync(grainType, id, loser);
        Assert.Equal(winner.ETag, loser.ETag);
        winner.State = new() { Notes = ["opened by A", "assigned by A"] };
        loser.State = new() { Notes = ["opened by A", "closed by B"] };
        await storage.WriteStateAsync(grainType, id, winner);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(grainType, id, loser));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(grainType, id, loser));

        var stored = new GrainState<TestTicketState>(new());
        await storage.ReadStateAsync(grainType, id, stored);
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.Equal(["opened by A", "assigned by A"], stored.State?.Notes);
    }
}
