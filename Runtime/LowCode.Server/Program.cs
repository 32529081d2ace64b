using LowCode.Designer.Hosting;
using LowCode.Server.Apis;
using LowCode.Server.Assets;
using LowCode.Server.Attachments;
using LowCode.Server.Demo;
using LowCode.Server.Hosting;
using LowCode.Server.Identity;
using LowCode.Server.Organisation;
using LowCode.Server.Ui;

var builder = WebApplication.CreateBuilder(args);

builder.AddLowCodeOrleans();
builder.AddLowCodeIdentity();
builder.AddLowCodeApi();
builder.AddLowCodeAttachments();
builder.AddLowCodeOrganisation();
builder.AddLowCodeUi<UiAccess, UserDirectory>();
builder.AddLowCodePortal();
builder.AddDemoData();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseLowCodeUiCultures();
app.UseLowCodeApi();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapAccountEndpoints();
app.MapConnectEndpoints();
app.MapWebSignIn();
app.MapHealthApi();
app.MapTicketTypesApi();
app.MapTicketsApi();
app.MapClientsApi();
app.MapCalendarsApi();
app.MapAttachmentsApi();
app.MapTaskAssignmentApi();
app.MapAssetsApi();
app.MapOrganisationApis();
app.MapLowCodeUi();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
