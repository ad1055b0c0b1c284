using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Workforce;
using Outbound.Data.Demo;
using Outbound.Data.Identity;
using Outbound.Reports.Pdf;
using Outbound.Testing;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Pdf;

/// <summary>
/// The web app on a machine without the Chinese font: every PDF download says so (503, in the user's language) instead of a 500,
/// the admin's system page names the missing package, and once the font is there the next download works without a restart.
/// The font path is process-wide (PDFsharp's resolver is), so this runs alone.
/// </summary>
[Collection(Name)]
public sealed class MissingFontTests(MissingFontTests.App app) : IClassFixture<MissingFontTests.App>
{
    public const string Name = "pdf-font";

    public sealed class App : WebApplicationFactory<Program>, IAsyncLifetime
    {
        private readonly PgTestDatabase _database = new();
        public string FontFolder { get; } = Directory.CreateTempSubdirectory("outbound-font-").FullName;
        public string FontPath => Path.Combine(FontFolder, "wqy-zenhei.ttc");

        public async Task InitializeAsync()
        {
            await _database.InitializeAsync();
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Outbound", _database.ConnectionString);
            builder.UseSetting(ReportFontsHosting.FontPathKey, FontPath);
        }

        public async Task<Browser> SignedInAs(string email)
        {
            var browser = new Browser(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
            Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(email, DemoUsers.Password)).StatusCode);
            return browser;
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await base.DisposeAsync();
            await _database.DisposeAsync();
            ReportFonts.Configure(ReportFonts.DefaultCollectionPath);
            Directory.Delete(FontFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Pdf_downloads_say_the_font_is_missing_and_work_once_it_is_installed_without_a_restart()
    {
        var month = CalendarMonth.Of(DateOnly.FromDateTime(DateTime.Today)).Previous;
        Guid agent1;
        await using (var scope = app.Services.CreateAsyncScope())
            agent1 = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OutboundUser>>().FindByEmailAsync("agent1@demo.local"))!.Id;
        var admin = await app.SignedInAs("admin@demo.local");
        var hr = await app.SignedInAs("hr@demo.local");
        (Browser Who, string Url)[] downloads =
        [
            (admin, $"/Billing/Statement?tenant={DemoCampaigns.BankTenant}&handler=Pdf&month={month}"),
            (admin, $"/Billing/Statement?tenant={DemoCampaigns.BankTenant}&handler=Contract"),
            (admin, $"/Billing/Performance?handler=Pdf&campaign={DemoCampaigns.BankCollections}&from={month.FirstDay:yyyy-MM-dd}&to={month.LastDay:yyyy-MM-dd}"),
            (hr, $"/Hr?handler=Statement&agent={agent1}&month={month}"),
        ];

        foreach (var (who, url) in downloads)
        {
            var refused = await who.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)refused.StatusCode}");
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Contains("PDF 暂时无法生成：服务器缺少中文字体（fonts-wqy-zenhei）", page);
        }
        var client = await app.SignedInAs($"client@{DemoCampaigns.BankTenant}.local");
        var clientRefused = await client.GetAsync($"/Client?handler=Contract&tenant={DemoCampaigns.BankTenant}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, clientRefused.StatusCode);

        var system = await admin.GetPageAsync("/Admin/System");
        Assert.Contains("data-check=\"font\" data-ok=\"false\"", system);
        Assert.Contains(app.FontPath, system);

        File.Copy(ReportFonts.DefaultCollectionPath, app.FontPath);

        foreach (var (who, url) in downloads)
        {
            var pdf = await who.GetAsync(url);
            Assert.True(pdf.StatusCode == HttpStatusCode.OK, $"{url}: {(int)pdf.StatusCode}");
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("data-check=\"font\" data-ok=\"true\"", await admin.GetPageAsync("/Admin/System"));
    }
}

[CollectionDefinition(MissingFontTests.Name, DisableParallelization = true)]
public sealed class MissingFontCollection;
