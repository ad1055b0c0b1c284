using Outbound.Data;
using Outbound.Dialer.Hosting;
using Outbound.Reports.Assessment;
using Outbound.Reports.Billing;
using Outbound.Reports.Pdf;
using Outbound.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddOutboundData();
builder.AddOutboundWeb();
builder.AddOutboundDialer();
builder.AddOutboundAssessment();
builder.AddOutboundBilling();
builder.AddOutboundReportFonts();

var app = builder.Build();

app.UseOutboundWeb();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
