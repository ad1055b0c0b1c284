using Outbound.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddOutboundData();
builder.Services.AddRazorPages();

var app = builder.Build();

app.MapRazorPages();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
