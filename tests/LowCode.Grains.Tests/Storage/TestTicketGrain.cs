using LowCode.Grains.Storage;
using Orleans.Placement;

namespace LowCode.Grains.Tests.Storage;

public interface ITestTicketGrain : IGrainWithStringKey
{
    Task AddNote(string note);
    Task<List<string>> Notes();
    Task<string> Silo();
}

[GenerateSerializer]
public sealed class TestTicketState
{
    [Id(0)] public List<string> Notes { get; set; } = [];
}

/// <summary>A ticket reduced to what storage tests need: state in the "tickets" storage and the silo it lives on.</summary>
[PreferLocalPlacement]
public sealed class TestTicketGrain(
    [PersistentState("ticket", SiloStorageExtensions.TicketStorage)] IPersistentState<TestTicketState> state,
    ILocalSiloDetails silo) : Grain, ITestTicketGrain
{
    public async Task AddNote(string note)
    {
        state.State.Notes.Add(note);
        await state.WriteStateAsync();
    }

    public Task<List<string>> Notes() => Task.FromResult(state.State.Notes.ToList());

    public Task<string> Silo() => Task.FromResult(silo.SiloAddress.ToString());
}
