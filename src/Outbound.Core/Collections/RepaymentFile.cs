using Outbound.Core.Lists;

namespace Outbound.Core.Collections;

/// <summary>One payment of the client's repayment file (还款回盘), found by phone, by lead reference, or both.</summary>
public sealed record RepaymentRow(int Line, string? PhoneE164, string? LeadRef, string? Name, decimal Amount, DateOnly PaidOn);

/// <summary>A line of the repayment file that was not applied, and why (shown to the manager with its line number).</summary>
public sealed record RejectedRepayment(int Line, string Reason);

/// <summary>What a repayment file holds after reading: the good rows and the refused ones.</summary>
public sealed record RepaymentFileContent(IReadOnlyList<RepaymentRow> Rows, IReadOnlyList<RejectedRepayment> Rejected);

/// <summary>The columns a repayment file is read by, with the header spellings banks really export (zh-CN and English).</summary>
public static class RepaymentFields
{
    public const string Phone = "phone";
    public const string Name = "name";
    public const string Amount = "amount";
    public const string PaidOn = "paid_on";
    public const string LeadRef = "lead_ref";

    public static IReadOnlyList<ListField> All { get; } =
    [
        new(Phone, "手机号", ListFieldKind.Phone, false, false, ["手机号", "手机号码", "手机", "电话", "电话号码", "联系电话", "phone", "mobile", "phone number", "tel"]),
        new(Name, "姓名", ListFieldKind.Text, false, false, ["姓名", "客户姓名", "户名", "name", "customer name", "customer"]),
        new(Amount, "还款金额", ListFieldKind.Money, true, false, ["还款金额", "实还金额", "金额", "amount", "payment amount", "paid amount"]),
        new(PaidOn, "还款日期", ListFieldKind.Date, true, false, ["还款日期", "实还日期", "日期", "date", "paid on", "payment date"]),
        new(LeadRef, "借据号", ListFieldKind.Text, false, false, ["借据号", "借据编号", "合同号", "lead ref", "lead id", "loan ref", "reference"]),
    ];
}

/// <summary>
/// Reads a repayment file already decoded to text (the list importer's encoding detection decides UTF-8, BOM or GBK):
/// maps the header row, then checks every line. A row needs an amount above zero, a date, and a phone or a lead reference.
/// </summary>
public static class RepaymentFile
{
    public static RepaymentFileContent Read(TextReader text, PhoneNormalizer phones)
    {
        var reader = new CsvRecordReader(text);
        if (!reader.Read()) throw new RepaymentFileException("文件为空 / the file is empty");
        var headers = reader.Fields();
        var suggestion = HeaderMapper.Suggest(headers, RepaymentFields.All);
        var map = suggestion.Map.Columns;
        if (suggestion.MissingRequired.Count > 0 || suggestion.Ambiguous.Count > 0)
            throw new RepaymentFileException(
                $"表头缺少或无法确定列 / missing or ambiguous columns: {string.Join(", ", suggestion.MissingRequired.Concat(suggestion.Ambiguous.Select(a => a.FieldKey)))}");
        if (!map.ContainsKey(RepaymentFields.Phone) && !map.ContainsKey(RepaymentFields.LeadRef))
            throw new RepaymentFileException("需要手机号或借据号列 / a phone or lead reference column is needed");

        var rows = new List<RepaymentRow>();
        var rejected = new List<RejectedRepayment>();
        while (reader.Read())
        {
            if (reader.FieldCount == 1 && reader.Field(0).IsWhiteSpace()) continue;
            string? Value(string key) => map.TryGetValue(key, out var c) && c < reader.FieldCount && !reader.Field(c).IsWhiteSpace()
                ? reader.Field(c).Trim().ToString() : null;
            var line = reader.LineNumber;
            if (reader.HasUnterminatedQuote) { rejected.Add(new(line, "引号未闭合 / unterminated quote")); continue; }
            if (!FieldValueParsers.TryParseMoney(Value(RepaymentFields.Amount), out var amount) || amount <= 0)
            {
                rejected.Add(new(line, $"还款金额无效 / bad amount '{Value(RepaymentFields.Amount)}'"));
                continue;
            }
            if (!FieldValueParsers.TryParseDate(Value(RepaymentFields.PaidOn), out var iso))
            {
                rejected.Add(new(line, $"还款日期无效 / bad date '{Value(RepaymentFields.PaidOn)}'"));
                continue;
            }
            var leadRef = Value(RepaymentFields.LeadRef);
            string? e164 = null;
            if (Value(RepaymentFields.Phone) is { } rawPhone)
            {
                var phone = phones.Normalize(rawPhone);
                if (!phone.IsValid)
                {
                    rejected.Add(new(line, $"手机号无效 / bad phone '{rawPhone}'"));
                    continue;
                }
                e164 = phone.Phone!.E164;
            }
            if (e164 is null && leadRef is null)
            {
                rejected.Add(new(line, "缺少手机号和借据号 / neither phone nor lead reference"));
                continue;
            }
            rows.Add(new RepaymentRow(line, e164, leadRef, Value(RepaymentFields.Name), amount, DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new RepaymentFileContent(rows, rejected);
    }
}

public sealed class RepaymentFileException(string message) : Exception(message);
