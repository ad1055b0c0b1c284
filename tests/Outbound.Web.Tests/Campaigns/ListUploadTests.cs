using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The upload page end to end: preview, manual mapping, background import with progress, result and reject file.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ListUploadTests(OutboundWebFactory app)
{
    static ListUploadTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private Guid Power => app.Demo.Campaigns["power-survey-1"].Value;

    private async Task<JsonElement> WaitForJobAsync(Browser browser, string jobUrl)
    {
        for (var i = 0; i < 200; i++)
        {
            var json = JsonDocument.Parse(await browser.GetPageAsync(jobUrl)).RootElement;
            if (json.GetProperty("state").GetString() is "Completed" or "Failed") return json;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish in 20 s");
    }

    private static string Field(string html, string name) => Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value;

    [Fact]
    public async Task A_gbk_list_is_previewed_imported_in_the_background_and_its_rejects_downloaded()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var csv = "姓名,电话,工单号\n王芳,13912345678,GD1\n赵磊,12345,GD2\n孙丽,13812345679,GD3\n";
        var gbk = Encoding.GetEncoding("gb18030").GetBytes(csv);
        var upload = $"/Campaigns/Upload/{Power}";
        var preview = await manager.PostFileAsync(upload, $"{upload}?handler=Preview", "file", "回访名单.csv", gbk, [new("encoding", "auto")]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("gb18030", html);
        Assert.Contains("王芳", html);
        Assert.Matches(SelectedOption("map[1]", "phone"), html);

        var token = Field(html, "token");
        var start = await manager.PostFormAsync(upload,
            [new("token", token), new("encoding", "auto"), new("map[0]", "name"), new("map[1]", "phone"), new("map[2]", "work_order")],
            $"{upload}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var job = Regex.Match(start.Headers.Location!.OriginalString, "job=([0-9a-f-]+)").Groups[1].Value;
        var progressPage = await manager.GetPageAsync(start.Headers.Location.OriginalString);
        Assert.Contains("<progress", progressPage);

        var result = await WaitForJobAsync(manager, $"{upload}?handler=Job&job={job}");
        Assert.Equal("Completed", result.GetProperty("state").GetString());
        Assert.Equal((3, 2, 1), (result.GetProperty("rows").GetInt32(), result.GetProperty("imported").GetInt32(), result.GetProperty("rejected").GetInt32()));

        var importId = result.GetProperty("importId").GetGuid();
        Assert.Contains("回访名单.csv", await manager.GetPageAsync($"/Campaigns/Details/{Power}"));
        var rejects = await manager.GetPageAsync($"/Campaigns/Import/{importId}?handler=Rejects");
        Assert.Contains("\"赵磊,12345,GD2\"", rejects);
        Assert.StartsWith("\uFEFFline,reason,detail,raw\r\n3,", rejects.Replace("\r\n", "\n").Replace("\n", "\r\n"));

        // The power client sees its import; the bank client does not.
        var powerClient = await app.SignedInAs("client@demo-power.local");
        Assert.Equal(HttpStatusCode.OK, (await powerClient.GetAsync($"/Campaigns/Import/{importId}")).StatusCode);
        var bankClient = await app.SignedInAs("client@demo-bank.local");
        Assert.Equal(HttpStatusCode.NotFound, (await bankClient.GetAsync($"/Campaigns/Import/{importId}?handler=Rejects")).StatusCode);
    }

    [Fact]
    public async Task A_phone_with_letters_is_rejected_with_its_line_and_reason()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var upload = $"/Campaigns/Upload/{Power}";
        var csv = Encoding.UTF8.GetBytes("姓名,电话,工单号\n钱明,13700004444,GD11\n吴刚,138abc12345,GD12\n");
        var html = await (await manager.PostFileAsync(upload, $"{upload}?handler=Preview", "file", "letters.csv", csv, [new("encoding", "utf-8")]))
            .Content.ReadAsStringAsync();
        var start = await manager.PostFormAsync(upload,
            [new("token", Field(html, "token")), new("encoding", "utf-8"), new("map[0]", "name"), new("map[1]", "phone"), new("map[2]", "work_order")],
            $"{upload}?handler=Start");
        var job = Regex.Match(start.Headers.Location!.OriginalString, "job=([0-9a-f-]+)").Groups[1].Value;

        var result = await WaitForJobAsync(manager, $"{upload}?handler=Job&job={job}");

        Assert.Equal((1, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("rejected").GetInt32()));
        var rejects = await manager.GetPageAsync($"/Campaigns/Import/{result.GetProperty("importId").GetGuid()}?handler=Rejects");
        Assert.Contains("3,invalid_phone,电话: 号码含有字母或汉字", rejects);
        Assert.Contains("138abc12345", rejects);
    }

    [Fact]
    public async Task An_unrecognised_phone_header_is_marked_unsure_and_the_manual_mapping_is_used()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var csv = Encoding.UTF8.GetBytes("客户,拨打对象,工单号\n周敏,13700001111,GD9\n");
        var upload = $"/Campaigns/Upload/{Power}";
        var html = await (await manager.PostFileAsync(upload, $"{upload}?handler=Preview", "file", "odd.csv", csv, [new("encoding", "utf-8")])).Content.ReadAsStringAsync();
        Assert.Matches(new Regex("<tr class=\"unsure\" data-column=\"1\">"), html);

        var start = await manager.PostFormAsync(upload,
            [new("token", Field(html, "token")), new("encoding", "utf-8"), new("map[1]", "phone"), new("map[2]", "work_order")],
            $"{upload}?handler=Start");
        var job = Regex.Match(start.Headers.Location!.OriginalString, "job=([0-9a-f-]+)").Groups[1].Value;
        var result = await WaitForJobAsync(manager, $"{upload}?handler=Job&job={job}");
        Assert.Equal("Completed", result.GetProperty("state").GetString());
        Assert.Equal(1, result.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Choosing_one_field_for_two_columns_is_refused_and_nothing_is_imported()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var upload = $"/Campaigns/Upload/{Power}";
        var html = await (await manager.PostFileAsync(upload, $"{upload}?handler=Preview", "file", "twice.csv",
            Encoding.UTF8.GetBytes("电话,备用电话,工单号\n13700002222,13700003333,GD7\n"), [new("encoding", "auto")])).Content.ReadAsStringAsync();
        var response = await manager.PostFormAsync(upload,
            [new("token", Field(html, "token")), new("encoding", "auto"), new("map[0]", "phone"), new("map[1]", "phone")], $"{upload}?handler=Start");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("被选给了多列", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("twice.csv", await manager.GetPageAsync($"/Campaigns/Details/{Power}"));
    }

    [Fact]
    public async Task An_empty_upload_is_refused_with_a_message()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var upload = $"/Campaigns/Upload/{Power}";
        var response = await manager.PostFileAsync(upload, $"{upload}?handler=Preview", "file", "empty.csv", [], [new("encoding", "auto")]);
        Assert.Contains("文件为空", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("client@demo-power.local")]
    [InlineData("supervisor@demo.local")]
    [InlineData("agent1@demo.local")]
    public async Task Only_staff_who_set_up_campaigns_may_upload(string email)
    {
        var browser = await app.SignedInAs(email);
        var response = await browser.GetAsync($"/Campaigns/Upload/{Power}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static Regex SelectedOption(string select, string value) =>
        new($"name=\"{Regex.Escape(select)}\">(?:(?!</select>)[\\s\\S])*?<option value=\"{value}\" selected=\"selected\"");
}
