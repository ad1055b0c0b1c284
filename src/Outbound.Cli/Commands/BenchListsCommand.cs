using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Lists;

namespace Outbound.Cli.Commands;

/// <summary>
/// <c>bench lists --rows N [--format csv|xlsx] --json</c>: writes a realistic call list, imports it with
/// <see cref="ListImporter"/> end to end into a scratch campaign, then has <c>psql \copy</c> load the same rows (as CSV)
/// into a plain table, and prints both times. With <c>--format xlsx</c> the list is imported from an Excel workbook of
/// the same rows, so the ratio compares a workbook's import with a plain COPY of its data. The scratch tenant, campaign
/// and table are removed afterwards.
/// </summary>
public static class BenchListsCommand
{
    public static async Task<int> RunAsync(CliArgs args)
    {
        var rows = args.Int("rows", 1_000_000);
        if (rows < 1) throw new CliUsageException("--rows must be at least 1");
        var format = args.Optional("format") ?? "csv";
        if (format is not ("csv" or "xlsx")) throw new CliUsageException("--format must be csv or xlsx");
        var workDir = Directory.CreateTempSubdirectory("outbound-bench-lists-");
        var csv = Path.Combine(workDir.FullName, "list.csv");
        var file = format == "csv" ? csv : Path.Combine(workDir.FullName, "list.xlsx");
        var warmFile = Path.Combine(workDir.FullName, "warm." + format);
        BenchListFile.WriteCsv(csv, rows, seed: 20261126);
        if (format == "xlsx")
        {
            await BenchListFile.WriteXlsxAsync(file, rows, seed: 20261126);
            await BenchListFile.WriteXlsxAsync(warmFile, 2_000, seed: 7);
        }
        else BenchListFile.WriteCsv(warmFile, 2_000, seed: 7);

        await using var dataSource = CliDatabase.Open();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var tenant = new TenantId(Guid.CreateVersion7());
        var warmCampaign = new CampaignId(Guid.CreateVersion7());
        var campaign = new CampaignId(Guid.CreateVersion7());
        var table = $"bench_plain_{suffix}";
        try
        {
            await CliDatabase.ExecuteAsync(dataSource, $"""
                INSERT INTO tenants (id, code, name) VALUES ('{tenant}', 'bench-{suffix}', 'bench');
                INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, settings) VALUES
                    ('{warmCampaign}', '{tenant}', 'bench-warm-{suffix}', 'bench warm-up', 'Collections', 'Predictive', '{"{}"}'),
                    ('{campaign}', '{tenant}', 'bench-{suffix}', 'bench', 'Collections', 'Predictive', '{"{}"}');
                CREATE TABLE {table} (name text, phone text, amount numeric, days_past_due int, id_card_last4 text, region text);
                """);
            var importer = new ListImporter(dataSource, TimeProvider.System);
            // Warm-up: JIT and connection pool, so that the timed run measures the import and not start-up.
            await ImportAsync(importer, tenant, warmCampaign, warmFile);

            var ours = Stopwatch.StartNew();
            var result = await ImportAsync(importer, tenant, campaign, file);
            ours.Stop();
            Console.Error.WriteLine($"bench lists: outbound imported {result.Imported} of {result.Rows} rows ({result.Rejected} rejected) from {format} in {ours.Elapsed.TotalSeconds:F3} s");

            var psql = Stopwatch.StartNew();
            await RunPsqlCopyAsync(CliDatabase.ConnectionString, table, csv);
            psql.Stop();
            Console.Error.WriteLine($"bench lists: psql \\copy loaded the same rows as CSV in {psql.Elapsed.TotalSeconds:F3} s");

            // Not part of the JSON contract: where the time goes, for whoever tunes this next.
            var parseOnly = Stopwatch.StartNew();
            var parsed = ParseOnly(file);
            Console.Error.WriteLine($"bench lists: parsing alone (read {format}, map, phones, dedup; no database) took {parseOnly.Elapsed.TotalSeconds:F3} s for {parsed} rows");

            var report = new
            {
                rows,
                outbound_seconds = Math.Round(ours.Elapsed.TotalSeconds, 3),
                psql_copy_seconds = Math.Round(psql.Elapsed.TotalSeconds, 3),
                ratio = Math.Round(psql.Elapsed.TotalSeconds / ours.Elapsed.TotalSeconds, 3),
            };
            if (args.Flag("json")) Console.WriteLine(JsonSerializer.Serialize(report));
            else Console.Error.WriteLine($"ratio (psql / outbound) = {report.ratio}");
            return 0;
        }
        finally
        {
            await CliDatabase.ExecuteAsync(dataSource, $"""
                DROP TABLE IF EXISTS {table};
                DELETE FROM leads WHERE tenant_id = '{tenant}';
                DELETE FROM list_imports WHERE tenant_id = '{tenant}';
                DELETE FROM campaigns WHERE tenant_id = '{tenant}';
                DELETE FROM tenants WHERE id = '{tenant}';
                """);
            workDir.Delete(recursive: true);
        }
    }

    private static async Task<ListImportResult> ImportAsync(ListImporter importer, TenantId tenant, CampaignId campaign, string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await importer.ImportAsync(new ListImportRequest(tenant, campaign, Path.GetFileName(file)), stream);
    }

    private static int ParseOnly(string file)
    {
        using var stream = File.OpenRead(file);
        using var list = ListFile.Open(stream);
        var reader = list.Records;
        reader.Read();
        var headers = reader.Fields();
        var fields = StandardListFields.All;
        var parser = new LeadRowParser(headers, fields, HeaderMapper.Suggest(headers, fields).Map, new PhoneNormalizer());
        var dedup = new LeadDeduplicator(new HashSet<string>(), new HashSet<string>());
        var rows = 0;
        while (reader.Read())
        {
            if (parser.Parse(reader) is not { } outcome) continue;
            rows++;
            if (outcome.Lead is { } lead) dedup.Admit(lead, reader.Raw);
        }
        return rows;
    }

    private static async Task RunPsqlCopyAsync(string connectionString, string table, string file)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("psql")
        {
            ArgumentList = { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", $"\\copy {table} FROM '{file}' WITH (FORMAT csv, HEADER true)" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        start.Environment["PGDATABASE"] = cs.Database;
        if (cs.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start psql");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"psql \\copy failed: {await stderr}");
    }
}

/// <summary>A call list as a bank's collections team exports it: Chinese headers, mostly mobiles, some landlines.</summary>
internal static class BenchListFile
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "欧阳", "司马"];
    private static readonly string[] GivenChars = ["伟", "芳", "娜", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "桂", "兰", "华", "建", "国", "文", "辉", "鹏", "宇", "欣", "怡", "浩", "然", "子", "晨", "博"];
    private static readonly string[] MobilePrefixes = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"];
    private static readonly (string Area, string Region)[] Landlines = [("010", "北京"), ("021", "上海"), ("0755", "深圳"), ("020", "广州"), ("028", "成都"), ("0571", "杭州")];
    private static readonly string[] Regions = ["北京", "上海", "广东深圳", "广东广州", "四川成都", "浙江杭州", "江苏南京", "湖北武汉", "山东济南", "河南郑州"];

    public static readonly string[] Header = ["姓名", "手机号码", "金额", "逾期天数", "身份证后四位", "地区"];

    public static void WriteCsv(string path, int rows, int seed)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine(string.Join(',', Header));
        var line = new StringBuilder(96);
        foreach (var row in Rows(rows, seed))
        {
            line.Clear();
            line.Append(row.Name).Append(',').Append(row.Phone).Append(',').Append(row.Amount.ToString("F2", CultureInfo.InvariantCulture))
                .Append(',').Append(row.DaysPastDue).Append(',').Append(row.IdLast4).Append(',').Append(row.Region);
            writer.WriteLine(line);
        }
    }

    /// <summary>The same rows as an Excel workbook: text cells, amounts and days as numbers, as a bank system exports them.</summary>
    public static async Task WriteXlsxAsync(string path, int rows, int seed)
    {
        await using var file = File.Create(path);
        await using var workbook = await SpreadCheetah.Spreadsheet.CreateNewAsync(file);
        await workbook.StartWorksheetAsync("名单");
        await workbook.AddRowAsync(Header.Select(h => new SpreadCheetah.Cell(h)).ToArray());
        var cells = new SpreadCheetah.Cell[Header.Length];
        foreach (var row in Rows(rows, seed))
        {
            cells[0] = new(row.Name);
            cells[1] = new(row.Phone);
            cells[2] = new(row.Amount);
            cells[3] = new(row.DaysPastDue);
            cells[4] = new(row.IdLast4);
            cells[5] = new(row.Region);
            await workbook.AddRowAsync(cells);
        }
        await workbook.FinishAsync();
    }

    private readonly record struct Row(string Name, string Phone, decimal Amount, int DaysPastDue, string IdLast4, string Region);

    private static IEnumerable<Row> Rows(int rows, int seed)
    {
        var random = new Random(seed);
        var name = new StringBuilder(8);
        for (var i = 0; i < rows; i++)
        {
            name.Clear();
            name.Append(Surnames[random.Next(Surnames.Length)]).Append(GivenChars[random.Next(GivenChars.Length)]);
            if (random.Next(3) > 0) name.Append(GivenChars[random.Next(GivenChars.Length)]);
            string phone, region;
            if (random.Next(100) < 5)
            {
                var (area, city) = Landlines[random.Next(Landlines.Length)];
                phone = area + "-" + random.Next(2, 9) + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
                region = city;
            }
            else
            {
                phone = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
                region = Regions[random.Next(Regions.Length)];
            }
            var amount = random.Next(50_000, 20_000_000) / 100m;
            var days = random.Next(1, 720);
            var idLast4 = random.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
            yield return new Row(name.ToString(), phone, amount, days, idLast4, region);
        }
    }
}
