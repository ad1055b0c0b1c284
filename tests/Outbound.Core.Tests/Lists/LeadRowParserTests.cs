using System.Text.Json;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;

namespace Outbound.Core.Tests.Lists;

public sealed class LeadRowParserTests
{
    private const string Header = "姓名,手机号码,金额,逾期天数,到期日,备注";

    private static readonly IReadOnlyList<ListField> Fields = StandardListFields.For([
        new LeadFieldDefinition("due_date", "到期日", LeadFieldType.Date),
        new LeadFieldDefinition("contract_no", "备注", LeadFieldType.Text, Required: true),
    ]);

    /// <summary>Parses a list (header + rows) and applies dedup the way the importer does.</summary>
    private static (List<ParsedLead> Leads, List<RejectedRow> Rejects) Run(string body,
        IReadOnlySet<string>? campaign = null, IReadOnlySet<string>? dnc = null)
    {
        var reader = new CsvRecordReader(new StringReader(Header + "\n" + body));
        reader.Read();
        var headers = reader.Fields();
        var map = HeaderMapper.Apply(HeaderMapper.Suggest(headers, Fields), headers, Fields, new Dictionary<string, string>());
        var parser = new LeadRowParser(headers, Fields, map, new PhoneNormalizer());
        var dedup = new LeadDeduplicator(campaign ?? new HashSet<string>(), dnc ?? new HashSet<string>());
        var leads = new List<ParsedLead>();
        var rejects = new List<RejectedRow>();
        while (reader.Read())
        {
            if (parser.Parse(reader) is not { } outcome) continue;
            var rejection = outcome.Rejection ?? dedup.Admit(outcome.Lead!, reader.Raw);
            if (rejection is null) leads.Add(outcome.Lead!);
            else rejects.Add(rejection);
        }
        return (leads, rejects);
    }

    private static RejectedRow SingleReject(string row, IReadOnlySet<string>? campaign = null, IReadOnlySet<string>? dnc = null)
    {
        var (leads, rejects) = Run(row + "\n", campaign, dnc);
        Assert.Empty(leads);
        var reject = Assert.Single(rejects);
        Assert.Equal(2, reject.LineNumber);
        Assert.Equal(row, reject.Raw);
        Assert.False(string.IsNullOrWhiteSpace(reject.Detail));
        return reject;
    }

    [Fact]
    public void A_good_row_becomes_a_lead_with_typed_fields()
    {
        var (leads, rejects) = Run("张三,138 1234 5678,\"¥1,234.50\",30天,2025/3/1,HT-001\n");
        Assert.Empty(rejects);
        var lead = Assert.Single(leads);
        Assert.Equal("张三", lead.Name);
        Assert.Equal("+8613812345678", lead.Phone.E164);
        using var json = JsonDocument.Parse(lead.FieldsJson);
        Assert.Equal(1234.50m, json.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal(30, json.RootElement.GetProperty("days_past_due").GetInt32());
        Assert.Equal("2025-03-01", json.RootElement.GetProperty("due_date").GetString());
        Assert.Equal("HT-001", json.RootElement.GetProperty("contract_no").GetString());
    }

    [Fact]
    public void Missing_phone_is_rejected() =>
        Assert.Equal(RejectReason.MissingPhone, SingleReject("张三,,100,3,2025-01-01,HT").Reason);

    [Fact]
    public void Invalid_phone_is_rejected() =>
        Assert.Equal(RejectReason.InvalidPhone, SingleReject("张三,1381234,100,3,2025-01-01,HT").Reason);

    [Fact]
    public void Service_number_is_rejected_as_unsupported_type() =>
        Assert.Equal(RejectReason.UnsupportedNumberType, SingleReject("张三,400-812-3456,100,3,2025-01-01,HT").Reason);

    [Fact]
    public void Bad_amount_is_rejected()
    {
        Assert.Equal(RejectReason.BadAmount, SingleReject("张三,13812345678,一百元,3,2025-01-01,HT").Reason);
        Assert.Equal(RejectReason.BadAmount, SingleReject("张三,13812345678,-5,3,2025-01-01,HT").Reason);
        Assert.Equal(RejectReason.BadAmount, SingleReject("张三,13812345678,1.234,3,2025-01-01,HT").Reason);
    }

    [Fact]
    public void Bad_days_past_due_is_rejected() =>
        Assert.Equal(RejectReason.BadDaysPastDue, SingleReject("张三,13812345678,100,三十,2025-01-01,HT").Reason);

    [Fact]
    public void Bad_custom_field_value_is_rejected() =>
        Assert.Equal(RejectReason.BadFieldValue, SingleReject("张三,13812345678,100,3,下周,HT").Reason);

    [Fact]
    public void Missing_required_custom_field_is_rejected() =>
        Assert.Equal(RejectReason.MissingRequiredField, SingleReject("张三,13812345678,100,3,2025-01-01,").Reason);

    [Fact]
    public void Wrong_column_count_is_rejected() =>
        Assert.Equal(RejectReason.WrongColumnCount, SingleReject("张三,13812345678,100").Reason);

    [Fact]
    public void Unterminated_quote_is_rejected() =>
        Assert.Equal(RejectReason.UnterminatedQuote, SingleReject("张三,13812345678,100,3,2025-01-01,\"HT").Reason);

    [Fact]
    public void Trailing_empty_cells_and_blank_rows_are_harmless()
    {
        var (leads, rejects) = Run("张三,13812345678,100,3,2025-01-01,HT,,\n,,,,,\n\n");
        Assert.Single(leads);
        Assert.Empty(rejects);
    }

    [Fact]
    public void Same_number_twice_in_a_file_keeps_the_first_and_names_it()
    {
        var (leads, rejects) = Run("张三,13812345678,100,3,2025-01-01,A\n李四,+86 138-1234-5678,200,4,2025-01-01,B\n");
        Assert.Equal("张三", Assert.Single(leads).Name);
        var reject = Assert.Single(rejects);
        Assert.Equal(RejectReason.DuplicateInFile, reject.Reason);
        Assert.Equal(3, reject.LineNumber);
        Assert.Contains("2", reject.Detail);
    }

    [Fact]
    public void Number_already_in_the_campaign_is_a_campaign_duplicate() =>
        Assert.Equal(RejectReason.DuplicateInCampaign,
            SingleReject("张三,13812345678,100,3,2025-01-01,HT", campaign: new HashSet<string> { "+8613812345678" }).Reason);

    [Fact]
    public void Dnc_outranks_duplicate() =>
        Assert.Equal(RejectReason.Dnc, SingleReject("张三,13812345678,100,3,2025-01-01,HT",
            campaign: new HashSet<string> { "+8613812345678" }, dnc: new HashSet<string> { "+8613812345678" }).Reason);

    [Fact]
    public void Unmapped_columns_are_kept_under_extra()
    {
        var reader = new CsvRecordReader(new StringReader("手机,工号,备注\n13812345678,A7,VIP客户\n"));
        reader.Read();
        var headers = reader.Fields();
        var map = HeaderMapper.Suggest(headers, StandardListFields.All).Map;
        var parser = new LeadRowParser(headers, StandardListFields.All, map, new PhoneNormalizer());
        reader.Read();
        var lead = parser.Parse(reader)!.Value.Lead!;
        using var json = JsonDocument.Parse(lead.FieldsJson);
        Assert.Equal("VIP客户", json.RootElement.GetProperty("extra").GetProperty("备注").GetString());
        Assert.Equal("A7", json.RootElement.GetProperty("extra").GetProperty("工号").GetString());
    }

    [Fact]
    public void Every_reject_reason_has_a_distinct_stable_code()
    {
        var codes = Enum.GetValues<RejectReason>().Select(r => r.Code()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(Enum.GetValues<RejectReason>(), r => Assert.Equal(r, RejectReasons.FromCode(r.Code())));
        Assert.Equal("duplicate_in_campaign", RejectReason.DuplicateInCampaign.Code());
    }
}
