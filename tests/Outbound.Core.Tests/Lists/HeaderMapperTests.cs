using Outbound.Core.Campaigns;
using Outbound.Core.Lists;

namespace Outbound.Core.Tests.Lists;

public sealed class HeaderMapperTests
{
    private static readonly IReadOnlyList<ListField> Standard = StandardListFields.All;

    [Fact]
    public void Chinese_collection_headers_map_to_standard_fields()
    {
        string[] headers = ["姓名", "手机号码", "金额", "逾期天数", "身份证后四位", "地区"];
        var s = HeaderMapper.Suggest(headers, Standard);
        Assert.False(s.NeedsManualMapping);
        Assert.Equal(0, s.Map.ColumnOf("name"));
        Assert.Equal(1, s.Map.ColumnOf("phone"));
        Assert.Equal(2, s.Map.ColumnOf("amount"));
        Assert.Equal(3, s.Map.ColumnOf("days_past_due"));
        Assert.Equal(4, s.Map.ColumnOf("id_card_last4"));
        Assert.Equal(5, s.Map.ColumnOf("region"));
        Assert.Empty(s.UnmappedColumns);
    }

    [Theory]
    [InlineData("手机")]
    [InlineData("手机号")]
    [InlineData("电话")]
    [InlineData("Mobile Phone")]
    [InlineData("PHONE")]
    [InlineData("客户手机号码")]
    public void Phone_column_spellings_are_recognised(string header)
    {
        var s = HeaderMapper.Suggest(["Name", header, "Amount"], Standard);
        Assert.Equal(1, s.Map.ColumnOf("phone"));
        Assert.Equal(0, s.Map.ColumnOf("name"));
        Assert.Equal(2, s.Map.ColumnOf("amount"));
    }

    [Fact]
    public void Mobile_wins_over_landline_and_the_landline_becomes_the_alternate()
    {
        var s = HeaderMapper.Suggest(["姓名", "座机", "手机"], Standard);
        Assert.Equal(2, s.Map.ColumnOf("phone"));
        Assert.Equal(1, s.Map.ColumnOf("alt_phone"));
    }

    [Fact]
    public void Two_columns_with_the_same_meaning_are_ambiguous_and_need_a_human()
    {
        string[] headers = ["姓名", "手机", "手机"];
        var s = HeaderMapper.Suggest(headers, Standard);
        Assert.True(s.NeedsManualMapping);
        var ambiguous = Assert.Single(s.Ambiguous);
        Assert.Equal("phone", ambiguous.FieldKey);
        Assert.Equal([1, 2], ambiguous.CandidateColumns);

        var map = HeaderMapper.Apply(s, headers, Standard, new Dictionary<string, string> { ["phone"] = "#3" });
        Assert.Equal(2, map.ColumnOf("phone"));
    }

    [Fact]
    public void Without_a_phone_column_the_caller_is_told_to_map_it()
    {
        string[] headers = ["姓名", "号", "备注"];
        var s = HeaderMapper.Suggest(headers, Standard);
        Assert.Equal(["phone"], s.MissingRequired);
        var error = Assert.Throws<ColumnMappingException>(() => HeaderMapper.Apply(s, headers, Standard, new Dictionary<string, string>()));
        Assert.Contains(error.Problems, p => p.Contains("phone"));

        var map = HeaderMapper.Apply(s, headers, Standard, new Dictionary<string, string> { ["phone"] = "号" });
        Assert.Equal(1, map.ColumnOf("phone"));
    }

    [Fact]
    public void Manual_mapping_to_an_unknown_field_or_column_is_refused_with_reasons()
    {
        string[] headers = ["姓名", "手机"];
        var s = HeaderMapper.Suggest(headers, Standard);
        var error = Assert.Throws<ColumnMappingException>(() => HeaderMapper.Apply(s, headers, Standard,
            new Dictionary<string, string> { ["shoe_size"] = "姓名", ["name"] = "不存在" }));
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Campaign_custom_fields_map_by_label_or_key()
    {
        var fields = StandardListFields.For([
            new LeadFieldDefinition("account_no", "户号", LeadFieldType.Text, Required: true),
            new LeadFieldDefinition("ticket_no", "工单号", LeadFieldType.Text),
        ]);
        var s = HeaderMapper.Suggest(["户号", "姓名", "电话", "ticket_no", "备注"], fields);
        Assert.False(s.NeedsManualMapping);
        Assert.Equal(0, s.Map.ColumnOf("account_no"));
        Assert.Equal(2, s.Map.ColumnOf("phone"));
        Assert.Equal(3, s.Map.ColumnOf("ticket_no"));
        Assert.Equal([4], s.UnmappedColumns);
    }

    [Fact]
    public void A_required_custom_field_without_a_column_needs_manual_mapping()
    {
        var fields = StandardListFields.For([new LeadFieldDefinition("contract_no", "合同编号", LeadFieldType.Text, Required: true)]);
        var s = HeaderMapper.Suggest(["姓名", "手机"], fields);
        Assert.Equal(["contract_no"], s.MissingRequired);
    }

    [Fact]
    public void Bom_and_unit_suffixes_in_headers_do_not_stop_matching()
    {
        var s = HeaderMapper.Suggest(["\uFEFF姓名", "手机号码", "欠款金额(元)", "逾期天数（天）"], Standard);
        Assert.Equal(0, s.Map.ColumnOf("name"));
        Assert.Equal(2, s.Map.ColumnOf("amount"));
        Assert.Equal(3, s.Map.ColumnOf("days_past_due"));
    }
}
