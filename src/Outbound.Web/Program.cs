using Outbound.Data;
using Outbound.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddOutboundData();
builder.AddOutboundWeb();

var app = builder.Build();

app.UseOutboundWeb();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
