using System.Net;
using System.Text;
using Outbound.Core.Lists;
using Outbound.Testing;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The upload page with the files clients really send: Excel workbooks, Unicode text, too-big rows — and files that are no list at all.</summary>
[Collection(WebCollection.Name)]
public sealed class ListFormatsUploadTests(OutboundWebFactory app)
{
    private Guid Power => app.Demo.Campaigns["power-survey-1"].Value;

    private static string Mobile() => $"139{Random.Shared.Next(10_000_000, 99_999_999)}";

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public async Task An_excel_workbook_is_previewed_and_loaded_with_its_bad_rows_in_the_reject_file(string format)
    {
        var manager = await app.SignedInAs("manager@demo.local");
        object?[][] sheet = [["姓名", "电话", "工单号"], ["王芳", long.Parse(Mobile()), "GD1"], ["赵磊", 12345, "GD2"], ["孙丽", Mobile(), "GD3"]];
        var bytes = format == "xlsx" ? TestWorkbooks.Xlsx(sheet) : TestWorkbooks.Xls(sheet);

        var preview = await (await ListUploads.PreviewAsync(manager, Power, $"回访名单.{format}", bytes)).Content.ReadAsStringAsync();
        Assert.Contains($"格式: {format}", preview);
        Assert.Contains("王芳", preview);

        var job = await ListUploads.ImportAsync(manager, Power, $"回访名单.{format}", bytes);
        Assert.Equal("Completed", job.GetProperty("state").GetString());
        Assert.Equal((3, 2, 1), (job.GetProperty("rows").GetInt32(), job.GetProperty("imported").GetInt32(), job.GetProperty("rejected").GetInt32()));
        var rejects = await manager.GetPageAsync($"/Campaigns/Import/{job.GetProperty("importId").GetGuid()}?handler=Rejects");
        Assert.Contains("3,invalid_phone,", rejects);
        Assert.Contains("赵磊,12345,GD2", rejects);
    }

    [Fact]
    public async Task Excels_unicode_text_export_utf16_and_tab_separated_loads()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var text = $"姓名\t电话\t工单号\r\n周敏\t{Mobile()}\tGD8\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        Assert.Contains("utf-16le, tab", await (await ListUploads.PreviewAsync(manager, Power, "unicode.txt", bytes)).Content.ReadAsStringAsync());
        var job = await ListUploads.ImportAsync(manager, Power, "unicode.txt", bytes);
        Assert.Equal(1, job.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_row_far_too_long_is_rejected_with_its_line_and_the_rest_loads()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var csv = $"姓名,电话,工单号\n钱进,{Mobile()},GD1\n{new string('长', 200_000)},{Mobile()},GD2\n吴昊,{Mobile()},GD3\n";
        var job = await ListUploads.ImportAsync(manager, Power, "long.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal((3, 2, 1), (job.GetProperty("rows").GetInt32(), job.GetProperty("imported").GetInt32(), job.GetProperty("rejected").GetInt32()));
        var rejects = await manager.GetPageAsync($"/Campaigns/Import/{job.GetProperty("importId").GetGuid()}?handler=Rejects");
        Assert.Contains("3,line_too_long,", rejects);
        Assert.True(rejects.Length < 10_000, "the reject file carries the whole 200,000-character row");
    }

    [Theory]
    [InlineData("photo.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 })]
    [InlineData("contract.csv", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x00 })]
    public async Task A_binary_file_renamed_to_csv_is_refused_as_not_a_text_file(string name, byte[] bytes)
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var html = await (await ListUploads.PreviewAsync(manager, Power, name, bytes)).Content.ReadAsStringAsync();
        Assert.Equal(ListFormatException.NotText().Zh, ListUploads.ProblemText(html));
        Assert.DoesNotContain("name=\"token\"", html);
    }

    [Fact]
    public async Task An_empty_file_and_a_headers_only_file_are_refused_in_the_words_the_cli_uses()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var empty = await (await ListUploads.PreviewAsync(manager, Power, "empty.csv", [])).Content.ReadAsStringAsync();
        Assert.Equal(ListFormatException.Empty().Zh, ListUploads.ProblemText(empty));
        var headers = await (await ListUploads.PreviewAsync(manager, Power, "headers.csv", Encoding.UTF8.GetBytes("姓名,电话,工单号\r\n"))).Content.ReadAsStringAsync();
        Assert.Equal(ListFormatException.HeadersOnly().Zh, ListUploads.ProblemText(headers));
    }

    [Fact]
    public async Task An_upload_larger_than_the_limit_is_told_the_file_is_larger_than_512_mb()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var page = ListUploads.Page(Power);
        var token = System.Text.RegularExpressions.Regex.Match(await manager.GetPageAsync(page), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler=Preview") { Content = new ClaimedLength(600L * 1024 * 1024) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        var response = await manager.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("文件大于 512 MB", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A body that says it is <paramref name="length"/> bytes long and is never sent whole.</summary>
    private sealed class ClaimedLength(long length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(new byte[1024]).AsTask();

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
