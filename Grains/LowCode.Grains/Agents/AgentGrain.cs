using System.Globalization;
using LowCode.Grains.Hosting;
using LowCode.Grains.Organisation;
using LowCode.Grains.Storage;
using LowCode.Grains.TicketTypes;

namespace LowCode.Grains.Agents;

/// <summary>
/// An agent's workload counter. The held tasks are stored before a reservation is answered, so a
/// restart (or a move to another silo) keeps the count exactly: a count rebuilt from the read model
/// would miss tasks whose ticket had not been projected yet and let the agent be overbooked.
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", SiloStorageExtensions.TicketStorage)] IPersistentState<AgentGrainState> state,
    OrgStore org, TicketClock clock, CalendarCatalog calendars) : Grain, IAgentGrain
{
    private AgentProfile? _profile;

    private string Id => this.GetPrimaryKeyString();
    private Dictionary<string, int> Held => state.State.Held;
    private int Load => Held.Values.Sum();

    public override async Task OnActivateAsync(CancellationToken ct) => _profile = await org.AgentAsync(Id, ct);

    public async Task<Reservation> TryReserve(string taskRef, int weight, int? ifLoadAtMost = null)
    {
        weight = Math.Max(1, weight);
        if (Held.ContainsKey(taskRef)) return Answer(ReservationOutcome.AlreadyHeld);
        if (_profile is null) return Answer(ReservationOutcome.NotAnAgent, "has no agent profile");
        var availability = _profile.AvailabilityAt(clock.Now, calendars.All);
        if (availability != Availability.Available)
            return Answer(ReservationOutcome.Unavailable, Describe(availability), availability == Availability.OutOfOffice ? _profile.OutOfOffice?.Delegate : null);
        if (Load + weight > _profile.Capacity)
            return Answer(ReservationOutcome.Full, $"full: {Load} of {_profile.Capacity} in use{(weight > 1 ? $", the task weighs {weight}" : "")}");
        if (ifLoadAtMost is { } expected && Load > expected)
            return Answer(ReservationOutcome.Busier, $"busier than ranked: {Load} of {_profile.Capacity} in use, not {expected}");
        Held[taskRef] = weight;
        state.State.Peak = Math.Max(state.State.Peak, Load);
        await state.WriteStateAsync();
        return Answer(ReservationOutcome.Reserved);
    }

    public async Task<AgentWorkload> Release(string taskRef)
    {
        if (Held.Remove(taskRef)) await state.WriteStateAsync();
        return Workload();
    }

    public Task<AgentWorkload> GetWorkload() => Task.FromResult(Workload());

    public async Task ProfileChanged() => _profile = await org.AgentAsync(Id);

    private Reservation Answer(ReservationOutcome outcome, string? reason = null, string? delegateId = null) =>
        new() { Outcome = outcome, Load = Load, Capacity = _profile?.Capacity ?? 0, Reason = reason, Delegate = delegateId };

    private AgentWorkload Workload() => new()
    {
        AgentId = Id, IsAgent = _profile is not null, Load = Load, Capacity = _profile?.Capacity ?? 0, Peak = state.State.Peak,
        Held = new Dictionary<string, int>(Held, StringComparer.Ordinal),
        Availability = _profile is null ? "" : JsonNaming(_profile.AvailabilityAt(clock.Now, calendars.All)),
    };

    private string Describe(Availability availability) => availability switch
    {
        Availability.OffDuty => "off duty",
        Availability.OutsideShift => $"outside their shift ({_profile!.Shift})",
        _ => _profile!.OutOfOffice?.Until is { } until
            ? $"out of office until {until.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"
            : "out of office",
    };

    internal static string JsonNaming(Availability availability) => availability switch
    {
        Availability.Available => "available",
        Availability.OffDuty => "offDuty",
        Availability.OutsideShift => "outsideShift",
        _ => "outOfOffice",
    };
}
