using Outbound.Core.Campaigns;

namespace Outbound.Core.Lists;

/// <summary>
/// The fields every campaign understands, with the header spellings people really export.
/// Keys are stored: name and region in their <c>leads</c> columns, the rest in <c>leads.fields</c>
/// (amount as a JSON number in yuan, days_past_due as a whole number, alt_phone as E.164).
/// </summary>
public static class StandardListFields
{
    public const string Name = "name";
    public const string Phone = "phone";
    public const string AltPhone = "alt_phone";
    public const string Amount = "amount";
    public const string DaysPastDue = "days_past_due";
    public const string IdCardLast4 = "id_card_last4";
    public const string Region = "region";

    public static IReadOnlyList<ListField> All { get; } =
    [
        new(Name, "姓名", ListFieldKind.Text, false, false, ["姓名", "客户姓名", "名字", "客户名称", "户名", "联系人", "name", "full name", "customer name", "customer"]),
        new(Phone, "手机号码", ListFieldKind.Phone, true, false, ["手机号码", "手机号", "手机", "电话", "电话号码", "联系电话", "联系方式", "号码", "phone", "mobile", "mobile phone", "phone number", "tel", "telephone", "cell"]),
        new(AltPhone, "备用电话", ListFieldKind.Phone, false, false, ["备用电话", "备用号码", "其他电话", "座机", "固定电话", "家庭电话", "单位电话", "alt phone", "alternate phone", "other phone", "landline", "home phone", "work phone"]),
        new(Amount, "金额", ListFieldKind.Money, false, false, ["金额", "欠款金额", "逾期金额", "应还金额", "欠款", "待还金额", "amount", "amount due", "balance", "overdue amount"]),
        new(DaysPastDue, "逾期天数", ListFieldKind.WholeNumber, false, false, ["逾期天数", "逾期天", "账龄天数", "days past due", "dpd", "days overdue"]),
        new(IdCardLast4, "身份证后四位", ListFieldKind.Text, false, false, ["身份证后四位", "证件后四位", "身份证尾号", "id last4", "id card last4", "id last 4"]),
        new(Region, "地区", ListFieldKind.Text, false, false, ["地区", "区域", "省份", "城市", "所在地", "地址", "region", "province", "city", "area"]),
    ];

    /// <summary>The standard fields plus the campaign's own lead fields (a custom key equal to a standard key refines it).</summary>
    public static IReadOnlyList<ListField> For(IReadOnlyList<LeadFieldDefinition> customFields)
    {
        var fields = All.ToList();
        foreach (var custom in customFields)
        {
            var kind = custom.Type switch
            {
                LeadFieldType.Money => ListFieldKind.Money,
                LeadFieldType.Number => ListFieldKind.WholeNumber,
                LeadFieldType.Date => ListFieldKind.Date,
                _ => ListFieldKind.Text,
            };
            var standard = fields.FindIndex(f => string.Equals(f.Key, custom.Key, StringComparison.OrdinalIgnoreCase));
            if (standard >= 0)
                fields[standard] = fields[standard] with { Label = custom.Label, Required = fields[standard].Required || custom.Required, Synonyms = [custom.Label, .. fields[standard].Synonyms] };
            else
                fields.Add(new ListField(custom.Key, custom.Label, kind, custom.Required, true, [custom.Label, custom.Key]));
        }
        return fields;
    }
}
