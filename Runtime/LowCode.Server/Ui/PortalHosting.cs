using LowCode.Designer.Portal;
using LowCode.Designer.Tickets;
using LowCode.Forms.Components.Attachments;
using LowCode.Forms.Components.Lookup;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace LowCode.Server.Ui;

/// <summary>What the portal's and ticket pages need from this host: ticket opening, task work, uploads and pickers, and circuits that re-check their person.</summary>
public static class PortalHosting
{
    /// <summary>Call after <c>AddLowCodeUi</c> (it registers the form components this replaces the defaults of).</summary>
    public static WebApplicationBuilder AddLowCodePortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPortalTickets, PortalTickets>();
        builder.Services.AddScoped<ITaskWork, TaskWork>();
        builder.Services.AddScoped<IFormAttachmentUploader, FormAttachmentUploader>();
        builder.Services.AddScoped<IFormLookup, FormLookup>();
        builder.Services.AddHttpClient(HttpOptionSource.HttpClientName);
        builder.Services.AddSingleton<HttpOptionSource>();
        builder.Services.AddSingleton<SelfCallCookie>();
        builder.Services.AddScoped<AuthenticationStateProvider, PersonRevalidation>();
        return builder;
    }
}
