using System.Text.Json;
using Outbound.Core.Billing;
using Outbound.Data.Billing;
using Outbound.Testing;

using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Commands;

/// <summary>The report verbs of DESIGN.md run as the real executable: a PDF file, one JSON object with --json, exit 1 for an unknown client.</summary>
public sealed class ReportCommandsTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("outbound-report-").FullName;

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await _db.DisposeAsync();
    }

    private Task<(int Code, string Stdout, string Stderr)> Run(params string[] args) => CliProcess.RunAsync(_db.ConnectionString, args);

    [Fact]
    public async Task Contract_and_statement_are_written_as_pdf_files_and_described_in_json()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank", "示范银行");
        await new ContractTermsStore(_db.DataSource).SaveAsync(ContractTerms.Sample(tenant, "HT-CLI", 4, new(2026, 1, 1), new(2026, 12, 31)), "test");
        var contract = Path.Combine(_folder, "contract.pdf");

        var (code, stdout, _) = await Run("report", "contract", "--tenant", "demo-bank", "--out", contract, "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(contract, json.GetProperty("out").GetString());
        Assert.Equal(new FileInfo(contract).Length, json.GetProperty("bytes").GetInt64());
        Assert.True(json.GetProperty("pages").GetInt32() >= 1);
        Assert.Equal("%PDF", File.ReadAllText(contract)[..4]);

        var statement = Path.Combine(_folder, "statement.pdf");
        Assert.Equal(0, (await Run("report", "statement", "--tenant", "demo-bank", "--month", "2026-02", "--out", statement)).Code);
        Assert.True(File.Exists(statement));
    }

    [Fact]
    public async Task An_unknown_client_exits_with_1_and_bad_arguments_with_2()
    {
        Assert.Equal(1, (await Run("report", "contract", "--tenant", "nobody", "--out", Path.Combine(_folder, "x.pdf"))).Code);
        Assert.Equal(2, (await Run("report", "statement", "--tenant", "nobody", "--month", "February", "--out", Path.Combine(_folder, "x.pdf"))).Code);
        Assert.False(File.Exists(Path.Combine(_folder, "x.pdf")));
    }
}
