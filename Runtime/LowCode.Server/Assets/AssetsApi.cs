using LowCode.Server.Apis;

namespace LowCode.Server.Assets;

/// <summary>The built-in asset register as an http option source: what the repair form's asset lookup asks.</summary>
public static class AssetsApi
{
    public static void MapAssetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/assets", (string? q) =>
        {
            if (q is { Length: > 200 }) return Problems.Field("q", "The search text is limited to 200 characters.");
            return Results.Ok(DemoAssets.Search(q).Select(a => new AssetOption(a.Tag, a.Name, $"{a.Tag} · {a.Location}")));
        })
        .RequireAuthorization().WithTags("Assets").Produces<AssetOption[]>()
        .WithName("SearchAssets").WithSummary("Equipment whose tag, name or location contains q (at most 20): [{ value, label, detail }] for asset lookups.");
    }
}

/// <summary>An asset as option sources answer: the stored value, the name people see, and a detail line.</summary>
public sealed record AssetOption(string Value, string Label, string Detail);
