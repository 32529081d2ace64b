using LowCode.Server.Apis;
using LowCode.Server.Demo;
using LowCode.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddLowCodeOrleans();
builder.AddLowCodeApi();
builder.AddDemoData();

var app = builder.Build();

app.UseLowCodeApi();
app.MapHealthApi();
app.MapTicketTypesApi();
app.MapTicketsApi();

app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
