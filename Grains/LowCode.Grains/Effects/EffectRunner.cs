using System.Net.Http.Headers;
using System.Text;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Tickets;
using LowCode.Grains.Timers;
using LowCode.Runtime.Execution;
using Microsoft.Extensions.Logging;

namespace LowCode.Grains.Effects;

/// <summary>What an effect needs to know about the ticket it belongs to.</summary>
public sealed record EffectContext(string TicketId, TicketState Ticket, ParentLink? Parent, IGrainFactory Grains);

/// <summary>
/// Performs a ticket's outbox after its state is stored: the read model (unless it was written with the state;
/// group-committed with other writes), the timer scheduler, child tickets, the parent's wake-up, and outbound HTTP calls. Every step is safe
/// to repeat: upserts, set semantics, idempotent creates, and an Idempotency-Key on HTTP calls.
/// </summary>
public sealed class EffectRunner(ProjectionBatcher projections, IHttpClientFactory http, ILogger<EffectRunner> log)
{
    /// <param name="projected">True when the read model was written in the same transaction as the state that holds this outbox.</param>
    public async Task PerformAsync(EffectContext context, IReadOnlyList<WorkflowEffect> outbox, bool projected = false)
    {
        if (!projected) await projections.ProjectAsync(context.Ticket, context.Parent, outbox);

        var armed = context.Ticket.Timers.Select(t => t.Id).ToHashSet();
        var shard = context.Grains.GetGrain<ITimerShardGrain>(TicketReadModel.ShardOf(context.TicketId));
        foreach (var effect in outbox)
        {
            switch (effect)
            {
                case ArmTimerEffect arm when armed.Contains(arm.TimerId):
                    await shard.Arm(context.TicketId, arm.TimerId, arm.DueAt);
                    break;
                case CancelTimerEffect cancel:
                    await shard.Cancel(context.TicketId, cancel.TimerId);
                    break;
                case CreateChildTicketEffect child:
                    await CreateChild(context, child);
                    break;
                case HttpCallEffect call when context.Ticket.Tokens.Any(t => t.Waiting == WaitKind.HttpCall && t.WaitKey == call.RequestId):
                    _ = Task.Run(() => CallOut(context.Grains, context.TicketId, call));
                    break;
                case TimelineEffect { Entry.Kind: TimelineKind.StatusChanged } when context.Ticket.IsClosed && context.Parent is { } parent:
                    await context.Grains.GetGrain<ITicketGrain>(parent.TicketId)
                        .Apply(new ChildTicketClosed(parent.RequestId, context.TicketId, context.Ticket.Resolution ?? "closed") { Actor = "system" });
                    break;
            }
        }
    }

    private static async Task CreateChild(EffectContext context, CreateChildTicketEffect child)
    {
        var childId = TicketIds.FromKey("child", child.RequestId);
        var outcome = await context.Grains.GetGrain<ITicketGrain>(childId).Create(new CreateTicket(child.TicketType, context.Ticket.Requester, "system")
        {
            Form = child.Form,
            Title = $"{context.Ticket.Title} (from {context.TicketId})",
            Priority = context.Ticket.Priority,
            Parent = child.Wait ? new ParentLink(context.TicketId, child.RequestId) : null,
        });
        if (!outcome.Succeeded && outcome.Error != CommandError.Conflict)
            throw new InvalidOperationException($"Child ticket of type {child.TicketType} could not be created: {outcome.Message}");
    }

    /// <summary>Runs outside the grain; the result comes back as an input, so the grain stays responsive.</summary>
    private async Task CallOut(IGrainFactory grains, string ticketId, HttpCallEffect call)
    {
        HttpCallCompleted result;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
            foreach (var (name, value) in call.Headers) request.Headers.TryAddWithoutValidation(name, value);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", call.RequestId);
            if (call.Body is not null) request.Content = new StringContent(call.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var cts = new CancellationTokenSource(call.Timeout);
            using var response = await http.CreateClient("lowcode-outbound").SendAsync(request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            result = new HttpCallCompleted(call.RequestId, (int)response.StatusCode) { Body = body.Length > 256 * 1024 ? body[..(256 * 1024)] : body };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            result = new HttpCallCompleted(call.RequestId, 0) { Error = e is TaskCanceledException ? $"timed out after {call.Timeout.TotalSeconds:0} s" : e.Message };
        }
        try
        {
            await grains.GetGrain<ITicketGrain>(ticketId).Apply(result with { Actor = "system" });
        }
        catch (Exception e)
        {
            log.LogError(e, "Result of HTTP call {Request} could not be delivered to {Ticket}", call.RequestId, ticketId);
        }
    }
}
