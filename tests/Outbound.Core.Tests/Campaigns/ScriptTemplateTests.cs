using Outbound.Core.Campaigns;

namespace Outbound.Core.Tests.Campaigns;

public sealed class ScriptTemplateTests
{
    private const string Bank = "您好，请问是{name}先生/女士本人吗？您的信用卡目前逾期{days_past_due}天，欠款{amount}元。";

    private static string Shown(IEnumerable<ScriptPart> parts) => string.Concat(parts.Select(p => p.Missing ? $"[缺:{p.Field}]" : p.Text));

    [Fact]
    public void The_demo_collections_script_is_filled_from_the_lead_name_and_custom_fields()
    {
        var parts = ScriptTemplate.Fill(Bank, new Dictionary<string, string> { ["name"] = "张伟", ["days_past_due"] = "45", ["amount"] = "3200.50" });
        Assert.Equal("您好，请问是张伟先生/女士本人吗？您的信用卡目前逾期45天，欠款3200.50元。", Shown(parts));
        Assert.DoesNotContain(parts, p => p.Missing);
        Assert.Equal(["name", "days_past_due", "amount"], parts.Where(p => p.Field is not null).Select(p => p.Field));
    }

    [Fact]
    public void A_field_the_lead_lacks_or_has_empty_is_kept_as_a_missing_part_not_dropped()
    {
        var parts = ScriptTemplate.Fill(Bank, new Dictionary<string, string> { ["name"] = "李娜", ["amount"] = "  " });
        Assert.Equal("您好，请问是李娜先生/女士本人吗？您的信用卡目前逾期[缺:days_past_due]天，欠款[缺:amount]元。", Shown(parts));
        Assert.Equal("{amount}", parts.Single(p => p.Field == "amount").Text);
    }

    [Fact]
    public void Placeholders_match_field_names_case_insensitively_and_other_braces_stay_text()
    {
        var parts = ScriptTemplate.Fill("{Name}：{ 不是字段 }{}{product}", new Dictionary<string, string> { ["name"] = "王强", ["PRODUCT"] = "信用卡" });
        Assert.Equal("王强：{ 不是字段 }{}信用卡", Shown(parts));
        Assert.Equal(["Name", "product"], ScriptTemplate.Placeholders("{Name}：{ 不是字段 }{}{product}{name}"));
    }

    [Fact]
    public void A_script_without_placeholders_is_one_plain_part()
    {
        Assert.Equal([new ScriptPart("您好，国网95598。")], ScriptTemplate.Fill("您好，国网95598。", new Dictionary<string, string>()));
        Assert.Empty(ScriptTemplate.Fill("", new Dictionary<string, string>()));
    }
}
