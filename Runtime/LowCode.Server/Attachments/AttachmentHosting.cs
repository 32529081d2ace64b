using LowCode.Grains.Attachments;
using LowCode.Grains.ReadModel;
using LowCode.Grains.Storage;
using LowCode.Server.Hosting;

namespace LowCode.Server.Attachments;

/// <summary>
/// Attachment limits (<c>LowCode:Attachments</c>) and where the bytes go, chosen by the storage mode: files under
/// the data folder when embedded (<c>data/attachments</c>), the shared database when clustered on PostgreSQL.
/// </summary>
public static class AttachmentHosting
{
    public static WebApplicationBuilder AddLowCodeAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(LowCodeOptions.Section).Get<LowCodeOptions>() ?? new LowCodeOptions();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton<IAttachmentContent>(sp => options.Storage == StorageKind.Postgres
            ? new DatabaseAttachmentContent(sp.GetRequiredService<LowCodeDatabase>(), Path.Combine(Path.GetTempPath(), "lowcode-uploads"))
            : new DiskAttachmentContent(Path.Combine(OrleansHosting.DataFolder(options, contentRoot), "attachments")));
        builder.Services.AddScoped<AttachmentIntake>();
        return builder;
    }
}
