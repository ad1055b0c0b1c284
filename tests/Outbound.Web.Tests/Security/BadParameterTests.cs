using System.Net;
using System.Text.RegularExpressions;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Security;

/// <summary>Addresses with parameters a page cannot use answer 400 or 404 with a message in the user's language, never a 500.</summary>
[Collection(WebCollection.Name)]
public sealed partial class BadParameterTests(OutboundWebFactory app)
{
    private static async Task<string> DetailOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(Detail().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);

    [Fact]
    public async Task An_hr_statement_for_someone_who_is_not_staff_is_not_found_with_a_reason()
    {
        var hr = await app.SignedInAs("hr@demo.local");
        foreach (var agent in new[] { "not-a-staff-id", Guid.NewGuid().ToString() })
        {
            var response = await hr.GetAsync($"/Hr?handler=Statement&agent={agent}&month=2026-11");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("此人没有员工档案，无法生成考核单。", await DetailOf(response));
        }
    }

    [Theory]
    [InlineData("/Client/Statement?tenant=demo-bank&month=1900-01")]
    [InlineData("/Client?handler=StatementPdf&tenant=demo-bank&month=9999-12")]
    [InlineData("/Client/Statement?tenant=demo-bank&month=2026-13")]
    public async Task A_client_document_for_a_month_out_of_range_is_a_400_naming_the_range(string url)
    {
        var client = await app.SignedInAs("client@demo-bank.local");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("月份应为 2000-01 至 2099-12 之间的 YYYY-MM。", await DetailOf(response));
    }

    [Fact]
    public async Task A_performance_period_from_year_one_to_9999_is_a_400_and_in_english_for_an_english_user()
    {
        var client = await app.SignedInAs("client@demo-bank.local");
        await client.PostFormAsync("/Client", [new("culture", "en"), new("returnUrl", "/Client")], "/Language");
        var response = await client.GetAsync("/Client/Performance?campaign=bank-collect-1&from=0001-01-01&to=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A day must be YYYY-MM-DD, from 2000-01-01 to 2099-12-31.", await DetailOf(response));
        var reversed = await client.GetAsync("/Client/Performance?campaign=bank-collect-1&from=2026-11-30&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("The end day is before the start day.", await DetailOf(reversed));
    }

    [Fact]
    public async Task A_campaign_name_or_deduction_note_far_too_long_gets_a_clear_message()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var huge = await manager.PostFormAsync("/Campaigns/Create", [new("Code", "too-long"), new("Name", new string('名', 1_000_000))]);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("表单内容过长，无法提交", await DetailOf(huge));
        var long1 = await manager.PostFormAsync("/Campaigns/Create", [new("Code", "too-long"), new("Name", new string('名', 201))]);
        Assert.Contains("名称不能超过 200 个字符", await long1.Content.ReadAsStringAsync());

        var hr = await app.SignedInAs("hr@demo.local");
        var note = await hr.PostFormAsync("/Hr/Deductions", [new("Rule", "8"), new("Note", new string('x', 1_000_000))], "/Hr/Deductions?handler=Record");
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Contains("“说明”不能超过 2000 个字符。", WebUtility.HtmlDecode(await note.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("id=\"error-detail\">([^<]*)<")]
    private static partial Regex Detail();
}
