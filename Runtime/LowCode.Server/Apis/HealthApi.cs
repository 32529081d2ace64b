using LowCode.Grains.ReadModel;
using LowCode.Grains.Timers;

namespace LowCode.Server.Apis;

public static class HealthApi
{
    /// <summary>200 when the silo answers a grain call and the database answers a query; 503 otherwise.</summary>
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IGrainFactory grains, LowCodeDatabase database, CancellationToken ct) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await grains.GetGrain<ITimerShardGrain>(0).Wake().WaitAsync(timeout.Token);
                await using var connection = await database.OpenAsync(timeout.Token);
                await using var command = LowCodeDatabase.Command(connection, "SELECT 1");
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Ok(new { status = "ready", storage = database.Kind.ToString() });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Results.Problem(statusCode: 503, title: "Not ready", detail: e.Message);
            }
        })
        .WithName("Health").WithSummary("Ready when the silo and the database answer.").WithTags("Health").AllowAnonymous();
}
