using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LowCode.Host.Tests.Hosting;

/// <summary>
/// Concurrent clients that open tickets and complete each one's "work" task, remembering exactly the
/// requests the host acknowledged (answered 2xx). A request without an answer proves nothing either
/// way; an acknowledged one must survive whatever happens to the host next. A client stops when the
/// host stops answering (connection refused or reset).
/// </summary>
public sealed class TicketLoad
{
    private readonly HttpClient _http;
    private readonly string _type;
    private readonly int _signalAt;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients;
    private int _refusals;

    private TicketLoad(HttpClient http, string type, int clients, int signalAt)
    {
        (_http, _type, _signalAt) = (http, type, signalAt);
        _clients = Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i))).ToList();
    }

    /// <summary>Acknowledged tickets: ticket id → id of its "work" task.</summary>
    public ConcurrentDictionary<string, string> Tickets { get; } = new();

    /// <summary>Tickets whose "work" completion was acknowledged → when (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public ConcurrentDictionary<string, long> CompletedWork { get; } = new();

    /// <summary>Answers that were not 2xx (the request was refused, so nothing is promised).</summary>
    public int Refusals => _refusals;

    /// <summary>Why the clients stopped, one line each.</summary>
    public ConcurrentQueue<string> Endings { get; } = new();

    public ConcurrentQueue<string> RefusalSamples { get; } = new();

    /// <summary>Starts <paramref name="clients"/> client loops; <see cref="WaitForCompletionsAsync"/> returns once <paramref name="signalAt"/> completions are acknowledged.</summary>
    public static TicketLoad Start(HttpClient http, string type, int clients, int signalAt) => new(http, type, clients, signalAt);

    public async Task WaitForCompletionsAsync(TimeSpan timeout)
    {
        var allStopped = Task.WhenAll(_clients);
        var first = await Task.WhenAny(_reached.Task, allStopped, Task.Delay(timeout));
        if (first == _reached.Task) return;
        throw new TimeoutException(first == allStopped
            ? $"Every client stopped after {CompletedWork.Count} acknowledged completions: {string.Join(" | ", Endings)}; refusals: {string.Join(" | ", RefusalSamples)}"
            : $"Only {CompletedWork.Count} of {_signalAt} completions were acknowledged within {timeout.TotalSeconds:0} s; refusals: {string.Join(" | ", RefusalSamples)}");
    }

    /// <summary>Lets the clients finish: they stop on their own when the host is gone; this cancels whatever still runs.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await Task.WhenAny(Task.WhenAll(_clients), Task.Delay(grace));
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        _stop.Dispose();
    }

    private async Task ClientAsync(int client)
    {
        var ct = _stop.Token;
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            try
            {
                using var created = await _http.PostAsJsonAsync("/api/tickets", new { type = _type, title = $"client {client} #{n}" }, ct);
                if (!await AcknowledgedAsync(created, ct)) continue;
                using var view = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
                var ticket = TicketSnapshot.From(view.RootElement);
                var work = ticket.OpenTask("work") ?? throw new InvalidOperationException($"New ticket {ticket} has no open work task.");
                Tickets[ticket.Id] = work.Id;

                using var completed = await _http.PostAsJsonAsync($"/api/tickets/{ticket.Id}/tasks/{work.Id}/complete", new { action = "done" }, ct);
                if (!await AcknowledgedAsync(completed, ct)) continue;
                CompletedWork[ticket.Id] = Stopwatch.GetTimestamp();
                if (CompletedWork.Count >= _signalAt) _reached.TrySetResult();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Endings.Enqueue($"client {client}: stopped");
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Endings.Enqueue($"client {client}: host stopped answering ({e.GetType().Name}: {e.Message})");
                return;
            }
        }
        Endings.Enqueue($"client {client}: stopped");
    }

    private async Task<bool> AcknowledgedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return true;
        Interlocked.Increment(ref _refusals);
        if (RefusalSamples.Count < 5) RefusalSamples.Enqueue($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return false;
    }
}
