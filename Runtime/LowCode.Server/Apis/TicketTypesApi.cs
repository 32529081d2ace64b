using System.Text.Json;
using LowCode.Grains.Contracts;
using LowCode.Grains.ReadModel;
using LowCode.Grains.TicketTypes;
using LowCode.Runtime.Json;
using LowCode.Runtime.Validation;
using LowCode.Server.Identity;

namespace LowCode.Server.Apis;

/// <summary>Ticket types: drafts, validation, publishing, versions, export and import.</summary>
public static class TicketTypesApi
{
    public static void MapTicketTypesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ticket-types").WithTags("Ticket types").RequireAuthorization(Policies.TicketTypesRead);

        api.MapGet("/", async (TicketReadModel readModel, CancellationToken ct) => Results.Ok(await readModel.ListTicketTypesAsync(ct)))
            .WithName("ListTicketTypes").WithSummary("All ticket types with their status (draft, latest version, unpublished changes).");

        api.MapPost("/", async (HttpRequest request, IGrainFactory grains) =>
        {
            var (definition, error) = await Problems.ReadBody<TicketTypeDefinition>(request);
            if (error is not null) return error;
            if (!TicketTypeCompiler.IsKey(definition!.Key ?? ""))
                return Problems.Field("key", "The key must be lower-case letters, digits and '-', starting with a letter (e.g. equipment-repair).");
            var outcome = await grains.GetGrain<ITicketTypeGrain>(definition.Key!).Create(definition, Actors.Current(request.HttpContext));
            return outcome.Succeeded ? Results.Created($"/api/ticket-types/{definition.Key}", outcome.Value) : Problems.From(outcome);
        })
        .Accepts<TicketTypeDefinition>("application/json").Produces<TicketTypeDraft>(201)
        .RequireAuthorization(Policies.TicketTypesWrite).WithName("CreateTicketType").WithSummary("Creates a ticket type as a draft.");

        api.MapGet("/{key}", async (string key, IGrainFactory grains) =>
            await Grain(grains, key).GetDraft() is { } draft ? Results.Ok(draft) : Problems.NotFound($"Ticket type '{key}' does not exist."))
            .RequireAuthorization(Policies.TicketTypesWrite).WithName("GetTicketType").WithSummary("The current draft of a ticket type.");

        api.MapPut("/{key}/draft", async (string key, HttpRequest request, IGrainFactory grains) =>
        {
            if (await Grain(grains, key).GetDraft() is null) return Problems.NotFound($"Ticket type '{key}' does not exist.");
            var (definition, error) = await Problems.ReadBody<TicketTypeDefinition>(request);
            if (error is not null) return error;
            var outcome = await Grain(grains, key).SaveDraft(definition! with { Key = key }, Actors.Current(request.HttpContext));
            return outcome.Succeeded ? Results.Ok(outcome.Value) : Problems.From(outcome);
        })
        .Accepts<TicketTypeDefinition>("application/json").Produces<TicketTypeDraft>()
        .RequireAuthorization(Policies.TicketTypesWrite).WithName("SaveTicketTypeDraft").WithSummary("Replaces the draft. Drafts may have problems; publishing may not.");

        api.MapDelete("/{key}", async (string key, IGrainFactory grains) =>
        {
            var outcome = await Grain(grains, key).Delete();
            return outcome.Succeeded ? Results.NoContent() : Problems.From(outcome);
        })
        .Produces(204).RequireAuthorization(Policies.TicketTypesWrite).WithName("DeleteTicketType")
        .WithSummary("Deletes a ticket type that was never published; refused (409) once a version exists, since tickets pin versions.");

        api.MapPost("/{key}/validate", async (string key, IGrainFactory grains) =>
            await Grain(grains, key).Validate() is { } problems
                ? Results.Ok(Validation(problems))
                : Problems.NotFound($"Ticket type '{key}' does not exist."))
            .RequireAuthorization(Policies.TicketTypesWrite).WithName("ValidateTicketType").WithSummary("Every problem of the draft at once, with node, property path, line and column.");

        api.MapPost("/{key}/publish", async (string key, HttpContext context, IGrainFactory grains) =>
        {
            var outcome = await Grain(grains, key).Publish(Actors.Current(context));
            return outcome.Succeeded ? Results.Ok(outcome.Value) : Problems.From(outcome);
        })
        .Produces<PublishedVersion>().RequireAuthorization(Policies.TicketTypesWrite).WithName("PublishTicketType").WithSummary("Freezes the draft as the next immutable version; refused (422) while problems exist.");

        api.MapGet("/{key}/versions", async (string key, IGrainFactory grains) =>
            Results.Ok((await Grain(grains, key).GetVersions()).Select(v => new { v.Version, v.PublishedAt, v.PublishedBy })))
            .WithName("ListTicketTypeVersions").WithSummary("Published versions with who published them and when.");

        api.MapGet("/{key}/versions/{version:int}", async (string key, int version, IGrainFactory grains) =>
            await Grain(grains, key).GetVersion(version) is { } published
                ? Results.Ok(published)
                : Problems.NotFound($"Ticket type '{key}' has no version {version}."))
            .WithName("GetTicketTypeVersion").WithSummary("One published, immutable version.");

        api.MapGet("/{key}/export", async (string key, IGrainFactory grains) =>
        {
            if (await Grain(grains, key).GetDraft() is not { } draft) return Problems.NotFound($"Ticket type '{key}' does not exist.");
            var json = JsonSerializer.SerializeToUtf8Bytes(draft.Definition, LowCodeJson.Indented);
            return Results.File(json, "application/json", $"{key}.tickettype.json");
        })
        .RequireAuthorization(Policies.TicketTypesWrite).WithName("ExportTicketType").WithSummary("The draft as a JSON file that import accepts.");

        api.MapPost("/import", async (HttpRequest request, IGrainFactory grains) =>
        {
            var (definition, error) = await Problems.ReadBody<TicketTypeDefinition>(request);
            if (error is not null) return error;
            if (!TicketTypeCompiler.IsKey(definition!.Key ?? ""))
                return Problems.Field("key", "The key must be lower-case letters, digits and '-', starting with a letter (e.g. equipment-repair).");
            var grain = Grain(grains, definition.Key!);
            var existed = await grain.GetDraft() is not null;
            var outcome = await grain.SaveDraft(definition, Actors.Current(request.HttpContext));
            if (!outcome.Succeeded) return Problems.From(outcome);
            var body = new { draft = outcome.Value, validation = Validation(outcome.Value!.Problems ?? []) };
            return existed ? Results.Ok(body) : Results.Created($"/api/ticket-types/{definition.Key}", body);
        })
        .Accepts<TicketTypeDefinition>("application/json")
        .RequireAuthorization(Policies.TicketTypesWrite).WithName("ImportTicketType").WithSummary("Creates or replaces a draft from exported JSON and reports its problems.");
    }

    private static ITicketTypeGrain Grain(IGrainFactory grains, string key) => grains.GetGrain<ITicketTypeGrain>(key);

    private static object Validation(IReadOnlyList<ValidationProblem> problems) => new
    {
        valid = problems.All(p => p.Severity != ProblemSeverity.Error),
        problems = problems.Select(Problems.Describe).ToList(),
    };
}
