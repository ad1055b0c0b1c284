using System.Text;
using System.Text.Json;
using Outbound.Cli;
using Outbound.Core.Lists;
using Outbound.Testing;

namespace Outbound.Cli.Tests.Lists;

/// <summary>Console and OUTBOUND_DB are process-wide: tests that redirect them must not run alongside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console and environment";
}

[Collection(ConsoleCollection.Name)]
public sealed class ListsImportCommandTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("outbound-cli-lists-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Lists_import_prints_one_json_object_with_the_contract_fields_and_writes_the_errors_csv()
    {
        var (tenant, campaign) = await NewCampaignAsync();
        var file = Path.Combine(_dir.FullName, "bank.csv");
        await File.WriteAllBytesAsync(file, ListEncodingDetector.Gb18030.GetBytes(
            "姓名,手机号码,金额,逾期天数\n张三,13812345678,100,3\n李四,13812345678,200,4\n王五,999,1,1\n赵六,13912345678,300,5\n"));
        var errors = Path.Combine(_dir.FullName, "errors.csv");

        var (code, stdout, _) = await RunAsync("lists", "import", "--tenant", tenant, "--campaign", campaign, "--file", file,
            "--encoding", "auto", "--errors", errors, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["rows", "imported", "rejected", "duplicates", "dnc", "seconds"], names);
        Assert.Equal(4, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("imported").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("rejected").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("dnc").GetInt32());
        Assert.True(json.RootElement.GetProperty("seconds").GetDouble() >= 0);

        var report = (await File.ReadAllTextAsync(errors, Encoding.UTF8)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, report.Length);
        Assert.StartsWith("3,duplicate_in_file,", report[1]);
        Assert.StartsWith("4,invalid_phone,", report[2]);
    }

    [Fact]
    public async Task Manual_map_option_maps_an_unrecognised_column()
    {
        var (tenant, campaign) = await NewCampaignAsync();
        var file = Path.Combine(_dir.FullName, "odd.csv");
        await File.WriteAllTextAsync(file, "客户,号\n张三,13812345678\n");

        var (code, stdout, _) = await RunAsync("lists", "import", "--tenant", tenant, "--campaign", campaign, "--file", file,
            "--map", "phone=号", "--map", "name=客户", "--json");

        Assert.Equal(0, code);
        Assert.Equal(1, JsonDocument.Parse(stdout).RootElement.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_failed_import_exits_1_with_the_reason_on_stderr_and_nothing_on_stdout()
    {
        var (tenant, campaign) = await NewCampaignAsync();
        var file = Path.Combine(_dir.FullName, "nophone.csv");
        await File.WriteAllTextAsync(file, "客户,备注\n张三,x\n");

        var (code, stdout, stderr) = await RunAsync("lists", "import", "--tenant", tenant, "--campaign", campaign, "--file", file, "--json");

        Assert.Equal(1, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains("phone", stderr);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public async Task An_excel_workbook_imports_from_the_command_line_like_a_csv(string format)
    {
        var (tenant, campaign) = await NewCampaignAsync();
        var file = Path.Combine(_dir.FullName, "bank." + format);
        object?[][] sheet = [["姓名", "手机号码", "金额"], ["张三", 13812345678L, 100], ["王五", 999, 1], ["赵六", "13912345678", 300.5]];
        await File.WriteAllBytesAsync(file, format == "xlsx" ? TestWorkbooks.Xlsx(sheet) : TestWorkbooks.Xls(sheet));

        var (code, stdout, _) = await RunAsync("lists", "import", "--tenant", tenant, "--campaign", campaign, "--file", file, "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal((3, 2, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("imported").GetInt32(), json.GetProperty("rejected").GetInt32()));
    }

    [Fact]
    public async Task An_empty_a_binary_and_a_headers_only_file_fail_in_the_words_the_web_shows()
    {
        var (tenant, campaign) = await NewCampaignAsync();
        var files = new (string Name, byte[] Bytes, ListFormatException Problem)[]
        {
            ("empty.csv", [], ListFormatException.Empty()),
            ("photo.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], ListFormatException.NotText()),
            ("headers.csv", Encoding.UTF8.GetBytes("姓名,手机号码\n"), ListFormatException.HeadersOnly()),
        };
        foreach (var (name, bytes, problem) in files)
        {
            var file = Path.Combine(_dir.FullName, name);
            await File.WriteAllBytesAsync(file, bytes);
            var (code, stdout, stderr) = await RunAsync("lists", "import", "--tenant", tenant, "--campaign", campaign, "--file", file, "--json");
            Assert.Equal(1, code);
            Assert.Equal("", stdout.Trim());
            Assert.Contains($"{problem.Zh} / {problem.En}", stderr);
        }
    }

    [Theory]
    [InlineData("--encoding", "latin1")]
    [InlineData("--map", "phone")]
    public async Task Bad_options_exit_2_with_usage_on_stderr(string option, string value)
    {
        var (tenant, campaign) = await NewCampaignAsync();
        var file = Path.Combine(_dir.FullName, "x.csv");
        await File.WriteAllTextAsync(file, "手机\n13812345678\n");
        var (code, stdout, stderr) = await RunAsync("lists", "import", "--tenant", tenant, "--campaign", campaign, "--file", file, option, value, "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout.Trim());
        Assert.Contains(option, stderr);
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var previousOut = Console.Out;
        var previousErr = Console.Error;
        var previousDb = Environment.GetEnvironmentVariable("OUTBOUND_DB");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        Environment.SetEnvironmentVariable("OUTBOUND_DB", db.ConnectionString);
        try
        {
            var code = await CliApp.RunAsync(args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousErr);
            Environment.SetEnvironmentVariable("OUTBOUND_DB", previousDb);
        }
    }

    private async Task<(string Tenant, string Campaign)> NewCampaignAsync()
    {
        var code = Guid.NewGuid().ToString("N")[..12];
        await using var cmd = db.DataSource.CreateCommand("""
            INSERT INTO tenants (id, code, name) VALUES (@t, 't-' || @code, 'cli test');
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings)
            VALUES (@c, @t, 'c-' || @code, 'cli test', 'Collections', 'Predictive', '{}');
            """);
        cmd.Parameters.AddWithValue("t", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("c", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("code", code);
        await cmd.ExecuteNonQueryAsync();
        return ("t-" + code, "c-" + code);
    }
}
