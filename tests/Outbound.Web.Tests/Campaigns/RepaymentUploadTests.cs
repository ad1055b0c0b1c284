using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The repayment file (还款回盘) page: a manager uploads the client's GBK file and sees what it applied and refused.</summary>
[Collection(WebCollection.Name)]
public sealed class RepaymentUploadTests(OutboundWebFactory app)
{
    static RepaymentUploadTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A debtor of the campaign (the demo seeds no leads), with a promise to pay ¥1000 due a week ago.</summary>
    private async Task LeadWithPromiseAsync(string campaignCode, string phone)
    {
        await using var cmd = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            WITH lead AS (
                INSERT INTO leads (tenant_id, campaign_id, phone_e164, phone_kind, time_zone, name)
                SELECT tenant_id, id, @phone, 'mobile', 'Asia/Shanghai', '客户' FROM campaigns WHERE code = @code
                RETURNING id, tenant_id, campaign_id)
            INSERT INTO collection_promises (id, tenant_id, campaign_id, lead_id, amount, promised_at, due_on)
            SELECT gen_random_uuid(), tenant_id, campaign_id, id, 1000, now() - interval '10 days', current_date - 7 FROM lead
            """);
        cmd.Parameters.AddWithValue("code", campaignCode);
        cmd.Parameters.AddWithValue("phone", phone);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_manager_uploads_a_gbk_repayment_file_and_sees_applied_rows_refused_lines_and_promise_counts()
    {
        var bank = app.Demo.Campaigns["bank-collect-1"].Value;
        await LeadWithPromiseAsync("bank-collect-1", "+8613700007001");
        await LeadWithPromiseAsync("power-survey-1", "+8613700007002");
        var paidOn = DateTime.UtcNow.AddDays(-8).ToString("yyyy-MM-dd");
        var csv = $"姓名,手机号,还款金额,还款日期\n客户甲,13700007001,1200,{paidOn}\n客户乙,13700007002,300,{paidOn}\n客户丙,13700007001,-5,{paidOn}\n";
        var manager = await app.SignedInAs("manager@demo.local");
        var page = $"/Campaigns/Repayments/{bank}";
        var response = await manager.PostFileAsync(page, page, "file", "还款回盘.csv", Encoding.GetEncoding("gb18030").GetBytes(csv), [new("encoding", "auto")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<td data-k=\"rows\">3</td>", html);
        Assert.Contains("<td data-k=\"applied\">1</td>", html);
        Assert.Contains("<td data-k=\"newly-kept\">1</td>", html);
        Assert.Contains("<td data-k=\"rejected\">2</td>", html);
        Assert.Matches("<tr><td>3</td><td>[^<]*not in this campaign</td></tr>", html);
        Assert.Matches("<tr><td>4</td><td>[^<]*bad amount[^<]*</td></tr>", html);
        Assert.Contains("data-k=\"kept\"", html);
    }
}
