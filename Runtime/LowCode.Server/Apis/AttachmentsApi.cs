using LowCode.Grains.Attachments;
using LowCode.Grains.Hosting;
using LowCode.Grains.Tickets;
using LowCode.Server.Attachments;
using LowCode.Server.Identity;

namespace LowCode.Server.Apis;

/// <summary>
/// Attachments: upload a file first, then reference it from a form (<c>{ "id": "att-…" }</c> in a file upload
/// field); the ticket it is submitted with links it. Downloads follow the ticket's access rule.
/// </summary>
public static class AttachmentsApi
{
    public static void MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/attachments").WithTags("Attachments");

        api.MapPost("/", Upload)
            .RequireAuthorization(Policies.TicketsWrite).Accepts<IFormFile>("multipart/form-data").Produces<AttachmentView>(201)
            .WithName("UploadAttachment")
            .WithSummary("Uploads one file (multipart/form-data, part 'file'). Its type is checked from its content; programs and web pages are refused (415), files over the size limit too (413).");

        api.MapGet("/{id}", Download)
            .RequireAuthorization(Policies.TicketsRead)
            .WithName("DownloadAttachment")
            .WithSummary("Downloads a file: for whoever may see the ticket it is attached to, or its uploader until then (404 for anyone else).");
    }

    private static async Task<IResult> Upload(HttpRequest request, AttachmentIntake intake)
    {
        var (file, error) = await UploadReader.ReadAsync(request, intake.Content, intake.MaxSizeBytes, request.HttpContext.RequestAborted);
        if (error is not null) return error;
        var (attachment, refusal) = await intake.KeepAsync(file!, Actors.Current(request.HttpContext), request.HttpContext.RequestAborted);
        return refusal is not null ? refusal.ToResult() : Results.Created($"/api/attachments/{attachment!.Id}", AttachmentView.From(attachment));
    }

    private static async Task<IResult> Download(string id, HttpContext context, AttachmentCatalog catalog, IAttachmentContent content, IGrainFactory grains, ILogger<AttachmentRecord> log)
    {
        var notFound = Problems.NotFound($"Attachment {id} does not exist.");
        if (!AttachmentIds.IsValid(id) || await catalog.GetAsync(id, context.RequestAborted) is not { } attachment) return notFound;
        if (!await MaySee(Actors.Caller(context), attachment, grains)) return notFound;
        if (await content.OpenReadAsync(id, context.RequestAborted) is not { } bytes)
        {
            log.LogError("The bytes of attachment {Attachment} ({Name}) are missing from attachment storage", id, attachment.Name);
            return notFound;
        }
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(bytes, attachment.ContentType, attachment.Name); // Content-Disposition: attachment, never shown inline
    }

    /// <summary>Whoever may see the ticket it is attached to (<see cref="TicketAccess"/>); before that, only its uploader.</summary>
    private static async Task<bool> MaySee(Caller caller, AttachmentRecord attachment, IGrainFactory grains)
    {
        if (attachment.TicketId is null) return caller.Id.Length > 0 && caller.Id == attachment.Uploader;
        var ticket = await grains.GetGrain<ITicketGrain>(attachment.TicketId).Get();
        return ticket is not null && TicketAccess.CanSee(caller, ticket.State);
    }
}
