using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Identity;
using Outbound.Data.Demo;
using Outbound.Data.Identity;
using Outbound.Data.Tenants;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Billing;

/// <summary>An Admin keeps contract terms and payments; a client overdue beyond grace sees why it is suspended, and paying lifts it.</summary>
[Collection(WebCollection.Name)]
public sealed class BillingPagesTests(OutboundWebFactory app)
{
    [Fact]
    public async Task Admin_sees_every_clients_contract_and_standing()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var page = await admin.GetPageAsync("/Billing");
        Assert.Contains("HT-DEMO-BANK-01", page);
        Assert.Contains("HT-DEMO-POWER-01", page);
        Assert.Contains("data-tenant=\"demo-power\"", page);
        Assert.Contains("closing-balance", await admin.GetPageAsync("/Billing/Statement?tenant=demo-power"));
        Assert.Contains("id=\"attempts\"", await admin.GetPageAsync("/Billing/Performance?campaign=power-survey-1"));
        var pdf = await admin.GetAsync("/Billing/Statement?handler=Contract&tenant=demo-bank");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/Billing/Performance?campaign=power-survey-1&from=2026-05-10&to=2026-05-01")]
    [InlineData("/Billing/Performance?handler=Pdf&campaign=power-survey-1&from=2026-05-10&to=2026-05-01")]
    public async Task A_period_that_ends_before_it_starts_is_not_found_rather_than_an_error(string url)
    {
        var admin = await app.SignedInAs("admin@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Invalid_terms_are_refused_with_a_message()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var response = await admin.PostFormAsync("/Billing/Terms?tenant=demo-bank",
        [
            new("Tenant", "demo-bank"), new("Input.ContractNo", "HT-X"), new("Input.Seats", "0"), new("Input.PricePerSeatMonth", "2000"),
            new("Input.TelephonyRatePerMinute", "0.12"), new("Input.StartDate", "2026-01-01"), new("Input.EndDate", "2026-12-31"),
            new("Input.DepositMonths", "1"), new("Input.AdvanceMonths", "1"), new("Input.GraceDays", "15"),
            new("Input.MaintenanceDaysPerMonth", "2"), new("Input.RenewalNoticeMonths", "1"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("坐席数至少为 1", await response.Content.ReadAsStringAsync());
        Assert.Contains("HT-DEMO-BANK-01", await admin.GetPageAsync("/Billing"));   // unchanged
    }

    [Fact]
    public async Task A_missing_contract_number_is_reported_once_and_a_word_for_seats_names_the_field_by_its_chinese_label()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var response = await admin.PostFormAsync("/Billing/Terms?tenant=demo-bank",
        [
            new("Tenant", "demo-bank"), new("Input.ContractNo", ""), new("Input.Seats", "ten"), new("Input.PricePerSeatMonth", "2000"),
            new("Input.TelephonyRatePerMinute", "0.12"), new("Input.StartDate", "2026-01-01"), new("Input.EndDate", "2026-12-31"),
            new("Input.DepositMonths", "1"), new("Input.AdvanceMonths", "1"), new("Input.GraceDays", "15"),
            new("Input.MaintenanceDaysPerMonth", "2"), new("Input.RenewalNoticeMonths", "1"),
        ]);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "请填写合同编号。"));
        Assert.Contains("“ten”不是“坐席数”的有效值。", page);
        Assert.DoesNotContain("field is required", page);
    }

    [Fact]
    public async Task An_overdue_client_is_suspended_sees_why_and_a_recorded_payment_lifts_it()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantRepository>().UpsertAsync("late-payer", "迟付科技有限公司");
            var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .EnsureAsync("client@late-payer.local", "迟付 客户", Roles.Client, tenant, DemoUsers.Password);
            Assert.True(created.Succeeded);
        }
        var admin = await app.SignedInAs("admin@demo.local");
        var start = DateTime.UtcNow.Date.AddMonths(-3);
        var saved = await admin.PostFormAsync("/Billing/Terms?tenant=late-payer",
        [
            new("Tenant", "late-payer"), new("Input.ContractNo", "HT-LATE-1"), new("Input.Seats", "3"), new("Input.PricePerSeatMonth", "2000"),
            new("Input.TelephonyRatePerMinute", "0.12"), new("Input.StartDate", start.ToString("yyyy-MM-dd")),
            new("Input.EndDate", start.AddYears(1).ToString("yyyy-MM-dd")), new("Input.DepositMonths", "1"), new("Input.AdvanceMonths", "1"),
            new("Input.GraceDays", "15"), new("Input.MaintenanceDaysPerMonth", "2"), new("Input.RenewalNoticeMonths", "1"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var client = await app.SignedInAs("client@late-payer.local");
        var portal = await client.GetPageAsync("/Client");
        Assert.Contains("id=\"suspended\"", portal);
        Assert.Contains("服务已暂停", portal);

        var payments = await admin.GetPageAsync("/Billing/Payments?tenant=late-payer");
        Assert.Contains("data-suspended=\"true\"", payments);
        var paid = await admin.PostFormAsync("/Billing/Payments?tenant=late-payer",
            [new("Tenant", "late-payer"), new("ReceivedOn", DateTime.UtcNow.ToString("yyyy-MM-dd")), new("Amount", "100000"), new("Reference", "补缴欠款")]);
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Contains("data-suspended=\"false\"", await admin.GetPageAsync("/Billing/Payments?tenant=late-payer"));
        Assert.DoesNotContain("id=\"suspended\"", await client.GetPageAsync("/Client"));
    }
}

/// <summary>Maintenance windows are scheduled by an Admin within the contract's monthly allowance.</summary>
[Collection(WebCollection.Name)]
public sealed class MaintenancePagesTests(OutboundWebFactory app)
{
    [Fact]
    public async Task A_window_within_the_allowance_is_listed_and_one_beyond_it_is_refused()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var day = DateTime.UtcNow.Date.AddMonths(1);
        day = new DateTime(day.Year, day.Month, 3);
        KeyValuePair<string, string>[] Window(DateTime from, DateTime to, string reason) =>
            [new("Tenant", "demo-power"), new("StartsAt", from.ToString("yyyy-MM-ddTHH:mm")), new("EndsAt", to.ToString("yyyy-MM-ddTHH:mm")), new("Reason", reason)];

        var first = await admin.PostFormAsync("/Billing/Maintenance", Window(day, day.AddDays(2), "核心交换机升级"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("核心交换机升级", await admin.GetPageAsync("/Billing/Maintenance"));

        var second = await admin.PostFormAsync("/Billing/Maintenance", Window(day.AddDays(10), day.AddDays(10).AddHours(3), "额外维护"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("超出合同约定的每月 2 天维护时间", await second.Content.ReadAsStringAsync());
    }
}
