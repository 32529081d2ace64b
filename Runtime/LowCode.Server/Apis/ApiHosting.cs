using System.Text.Json.Serialization;
using LowCode.Runtime.Json;
using Microsoft.AspNetCore.Diagnostics;
using Scalar.AspNetCore;

namespace LowCode.Server.Apis;

/// <summary>API plumbing: JSON like the engine's, RFC 7807 errors, OpenAPI document and browser.</summary>
public static class ApiHosting
{
    public static WebApplicationBuilder AddLowCodeApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            var json = o.SerializerOptions;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.AllowOutOfOrderMetadataProperties = true;
            foreach (var converter in LowCodeJson.Options.Converters) json.Converters.Add(converter);
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "LowCode API";
            document.Info.Description = "Ticket types (design, validate, publish, export/import) and tickets (create, list, act, comment).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UseLowCodeApi(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            // Bad requests the framework detects (unreadable body, bad route values) are the client's, not a 500.
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            await Results.Problem(statusCode: status,
                title: status == 500 ? "Something went wrong on our side." : "The request could not be read.",
                detail: status == 500 ? null : error?.Message).ExecuteAsync(context);
        }));
        app.UseStatusCodePages();
        // The API description is open while developing and for administrators only otherwise.
        var openApi = app.MapOpenApi();
        var reference = app.MapScalarApiReference(o => o.WithTitle("LowCode API"));
        if (app.Environment.IsDevelopment())
        {
            openApi.AllowAnonymous();
            reference.AllowAnonymous();
        }
        else
        {
            openApi.RequireAuthorization(Identity.Policies.Administrator);
            reference.RequireAuthorization(Identity.Policies.Administrator);
        }
        return app;
    }
}
