using System.Globalization;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Data.Identity;
using Outbound.Reports.Pdf;
using Outbound.Reports.Quality;
using Outbound.Reports.WorkOrders;
using ScottPlot;

namespace Outbound.Reports.Performance;

/// <summary>
/// The client-facing campaign performance report (外呼项目绩效报告): key figures, outcomes, collections,
/// survey answers, abandon rate per day against the cap (table and chart), inbound service, first-contact
/// resolution, agents, and the best-time-to-call heat map. Draws the model; never queries.
/// </summary>
public sealed class PerformanceReportDocument(PerformanceReportModel model)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private PerformanceFigures F => model.Figures;

    public byte[] GeneratePdf(bool charts = true)
    {
        using var c = new PdfComposer($"外呼项目绩效报告 {model.CampaignCode} {Period}",
            $"外呼项目绩效报告 · {model.ClientName} · {model.CampaignName} · {Period}", "Outbound");
        Compose(c, charts);
        return c.Save();
    }

    private string Period => $"{Day(model.From)} – {Day(model.To)}";

    private void Compose(PdfComposer c, bool charts)
    {
        ComposeHeader(c);
        ComposeKeyFigures(c);
        ComposeOutcomes(c);
        if (model.Kind == CampaignKind.Collections || F.Promises.Count > 0) ComposePromises(c);
        if (model.Questionnaire is not null || F.Survey.Responses > 0) ComposeSurvey(c);
        ComposeAbandon(c, charts);
        if (model.Kind != CampaignKind.Inbound) ComposeRefusals(c);
        if (F.Inbound.Offered > 0 || model.Kind == CampaignKind.Inbound) ComposeInbound(c);
        if (model.Service is { } service) ServiceSection.Compose(c, service, F.FirstContactResolution);
        ComposeAgents(c);
        if (model.Quality is { } quality) QualitySection.Compose(c, quality, charts);
        ComposeHeatMap(c);
        ComposeRegions(c);
        ComposeDefinitions(c);
    }

    private void ComposeHeader(PdfComposer c)
    {
        c.Title("外呼项目绩效报告");
        c.LabelValue("客户 Client", model.ClientName);
        c.LabelValue("项目 Campaign", $"{model.CampaignName}({model.CampaignCode})");
        c.LabelValue("统计期间 Period", Period);
        c.Space(6);
    }

    private void ComposeKeyFigures(PdfComposer c) => KeyFigureStrip.Draw(c,
    [
        ("外呼次数 Attempts", Count(F.Attempts)),
        ("名单数 Leads", Count(F.Leads)),
        ("接通坐席 Connects", Count(F.Connects)),
        ("联系率 Contact rate", F.ContactRate.Percent()),
        ("本人联系率 RPC rate", F.RightPartyContactRate.Percent()),
        ("放弃率 Abandon rate", F.AbandonRate.Percent(2)),
        ("一次解决率 FCR", F.FirstContactResolution.Percent()),
        ("平均处理时长 AHT", Duration(F.AverageHandleTime)),
    ]);

    private void ComposeOutcomes(PdfComposer c)
    {
        c.Heading("呼叫结果 Call outcomes");
        var outcomes = new PdfTable(new PdfColumn("结果 Outcome", 3), new PdfColumn("次数 Calls", 1, CellAlign.Right), new PdfColumn("占比 Share", 1, CellAlign.Right));
        foreach (var (outcome, n) in F.Outcomes.OrderByDescending(o => o.Value))
            outcomes.Row(OutcomeText(outcome), Count(n), new Ratio(n, F.Attempts).Percent());
        outcomes.Draw(c);

        c.Heading("处置结果 Dispositions");
        var labels = model.Dispositions.ToDictionary(d => d.Code, d => d.Label);
        var dispositions = new PdfTable(new PdfColumn("处置 Disposition", 3), new PdfColumn("代码 Code", 2), new PdfColumn("次数 Calls", 1, CellAlign.Right),
            new PdfColumn("占接通 Of connects", 1.2, CellAlign.Right));
        foreach (var (code, n) in F.Dispositions.OrderByDescending(d => d.Value))
            dispositions.Row(labels.GetValueOrDefault(code, code), code, Count(n), new Ratio(n, F.Connects).Percent());
        dispositions.Draw(c);
    }

    private void ComposePromises(PdfComposer c)
    {
        c.Heading("催收承诺 Promises to pay");
        var p = F.Promises;
        KeyFigureStrip.Draw(c,
        [
            ("承诺笔数 Promises", Count(p.Count)),
            ("承诺金额 Promised ¥", Yuan(p.Amount)),
            ("履约率 Kept rate", p.KeptRate.Percent()),
            ("已履约金额 Kept ¥", Yuan(p.KeptAmount)),
        ]);
    }

    private void ComposeSurvey(PdfComposer c)
    {
        c.Heading("回访问卷 Survey");
        c.LabelValue("问卷完成率 Completion rate", $"{F.Survey.CompletionRate.Percent()}({F.Survey.CompletionRate.Part} / {F.Survey.CompletionRate.Whole})");
        var questions = model.Questionnaire?.Questions.ToDictionary(q => q.Id, q => q.Text) ?? [];
        var order = model.Questionnaire?.Questions.Select(q => q.Id).ToList() ?? [];
        var table = new PdfTable(new PdfColumn("问题 Question", 3), new PdfColumn("回答 Answer", 2), new PdfColumn("人数 Count", 1, CellAlign.Right),
            new PdfColumn("占比 Share", 1, CellAlign.Right));
        foreach (var (question, answers) in F.Survey.AnswersByQuestion.OrderBy(q => order.IndexOf(q.Key) is var i and >= 0 ? i : int.MaxValue))
        {
            var total = answers.Values.Sum();
            var first = true;
            foreach (var (answer, n) in answers.OrderByDescending(a => a.Value))
            {
                table.Row(first ? questions.GetValueOrDefault(question, question) : "", answer, Count(n), new Ratio(n, total).Percent());
                first = false;
            }
        }
        table.Draw(c);
    }

    private void ComposeAbandon(PdfComposer c, bool charts)
    {
        c.Heading("每日放弃率 Abandon rate per day");
        c.Text($"放弃率 = 放弃 / (放弃 + 接通坐席),上限 {F.AbandonCap.ToString("P1", Invariant)}。 Abandoned / (abandoned + connected), cap {F.AbandonCap.ToString("P1", Invariant)}.",
            ReportStyle.Small, brush: ReportStyle.Muted);
        var table = new PdfTable(new PdfColumn("日期 Day", 1.5), new PdfColumn("放弃 Abandoned", 1, CellAlign.Right), new PdfColumn("实时呼叫 Live", 1, CellAlign.Right),
            new PdfColumn("放弃率 Rate", 1, CellAlign.Right), new PdfColumn("上限 Cap", 1, CellAlign.Right), new PdfColumn("超限 Over", 0.8, CellAlign.Center));
        foreach (var d in F.AbandonByDay)
            table.Row(Day(d.Day), Count(d.Rate.Part), Count(d.Rate.Whole), d.Rate.Percent(2), d.Cap.ToString("P1", Invariant), d.OverCap ? "超限" : "");
        table.Draw(c);
        if (charts && F.AbandonByDay.Count > 0) PdfChart.Draw(c, AbandonChart(), "每日放弃率与上限 Abandon rate per day against the cap", 180);
    }

    /// <summary>合规拦截: every dial the dialer refused, by reason, and how often pacing fell back or detection was turned off.</summary>
    private void ComposeRefusals(PdfComposer c)
    {
        c.Heading("合规拦截 Compliance refusals");
        var refusals = model.Refusals;
        if (refusals.ByReason.Count == 0 && refusals.Notices.Count == 0)
        {
            c.Text("本期无拦截 No dial was refused in this period.");
            return;
        }
        var table = new PdfTable(new PdfColumn("原因 Reason", 4), new PdfColumn("次数 Count", 1, CellAlign.Right));
        foreach (var (code, n) in refusals.ByReason.OrderByDescending(r => r.Value)) table.Row(RefusalText(code), Count(n));
        foreach (var (kind, n) in refusals.Notices.OrderBy(k => k.Key)) table.Row(NoticeText(kind), Count(n));
        table.Draw(c);
    }

    private static string RefusalText(string code) => code switch
    {
        "outside_window" => "不在允许呼叫时段 Outside the calling window",
        "dnc" => "免打扰名单 Do-not-call list",
        "max_attempts" => "已达最大拨打次数 Maximum attempts reached",
        "daily_unanswered_limit" => "当日未接通次数已达上限 Daily unanswered limit",
        "retry_delay" => "未到重拨间隔 Retry delay not over",
        "ofcom_abandon_72h" => "放弃呼叫后 72 小时内不得重拨 No repeat within 72 h of an abandon",
        "callback_owned_by_other" => "预约回拨属于其他坐席 Callback owned by another agent",
        "tenant_suspended" => "客户已停机 Client suspended",
        "campaign_not_running" => "项目未在运行 Campaign not running",
        "unknown_time_zone" => "无法确定客户时区 Time zone unknown",
        "cap_reached" => "放弃率近上限，暂停多拨 Near the abandon cap: over-dialling held back",
        "small_team" => "坐席人数不足，逐一拨号 Team too small: one line per ready agent",
        "detector_off" => "答录机检测已关闭，机器转坐席 Detection off: machines put through to agents",
        _ => code,
    };

    private static string NoticeText(string kind) => kind switch
    {
        "cap_fallback" => "转为逐一拨号（放弃率近上限）Fall-backs to progressive at the cap",
        "predictive_resumed" => "恢复预测式外呼 Returns to predictive",
        "detector_off" => "自动关闭答录机检测 Detection turned off",
        _ => kind,
    };

    private Plot AbandonChart()
    {
        var plot = new Plot();
        var days = F.AbandonByDay;
        var xs = days.Select((_, i) => (double)i).ToArray();
        var ys = days.Select(d => (d.Rate.Value ?? 0) * 100).ToArray();
        var bars = plot.Add.Bars(xs, ys);
        bars.Color = new Color(0x1F, 0x4E, 0x79);
        var cap = plot.Add.HorizontalLine((double)F.AbandonCap * 100);
        cap.Color = Colors.Red;
        cap.LinePattern = LinePattern.Dashed;
        var step = Math.Max(1, days.Count / 10);
        plot.Axes.Bottom.SetTicks(xs.Where((_, i) => i % step == 0).ToArray(),
            days.Where((_, i) => i % step == 0).Select(d => d.Day.ToString("MM-dd", Invariant)).ToArray());
        plot.Axes.Left.Label.Text = "abandon %";
        plot.Axes.SetLimitsY(0, Math.Max(ys.DefaultIfEmpty(0).Max(), (double)F.AbandonCap * 100) * 1.2);
        return plot;
    }

    private void ComposeInbound(PdfComposer c)
    {
        c.Heading("呼入服务 Inbound service");
        var i = F.Inbound;
        KeyFigureStrip.Draw(c,
        [
            ("呼入量 Offered", Count(i.Offered)),
            ($"服务水平 SL ({i.ServiceLevelThreshold.TotalSeconds:0} s)", i.ServiceLevel.Percent()),
            ("平均应答速度 ASA", Duration(i.AverageSpeedOfAnswer)),
            ("平均处理时长 AHT", Duration(i.AverageHandleTime)),
            ("呼入放弃率 Abandon", i.AbandonRate.Percent()),
            ("已接听 Answered", Count(i.AnsweredCalls)),
        ]);
    }

    private void ComposeAgents(PdfComposer c)
    {
        c.Heading("坐席表现 Agents");
        var table = new PdfTable(new PdfColumn("坐席 Agent", 2), new PdfColumn("接通 Connects", 1, CellAlign.Right), new PdfColumn("联系 Contacts", 1, CellAlign.Right),
            new PdfColumn("本人 RPC", 1, CellAlign.Right), new PdfColumn("通话时长 Talk", 1.2, CellAlign.Right), new PdfColumn("AHT", 1, CellAlign.Right),
            new PdfColumn("承诺 PTP", 0.8, CellAlign.Right), new PdfColumn("承诺金额 ¥", 1.3, CellAlign.Right));
        foreach (var a in F.Agents)
            table.Row(AgentText(model.NameOf(a.Agent)), Count(a.Connects), Count(a.Contacts), Count(a.RightPartyContacts), Duration(a.TalkTime), Duration(a.AverageHandleTime),
                Count(a.Promises), Yuan(a.PromisedAmount));
        table.Draw(c, ReportStyle.Small);
    }

    private void ComposeHeatMap(PdfComposer c)
    {
        c.Heading("最佳拨打时间 Best time to call (contact rate by weekday × hour)", keepWith: 170);
        var map = F.HeatMap;
        var hours = map.HoursUsed();
        if (hours.Count == 0)
        {
            c.Text("本期无外呼 No calls in this period.");
            return;
        }
        string[] weekdays = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
        HeatGrid.Draw(c, weekdays, hours.Select(h => h.ToString("00", Invariant)).ToList(), (row, column) =>
        {
            var cell = map[(IsoDayOfWeek)(row + 1), hours[column]];
            return (cell.Value, cell.Whole == 0 ? "" : ((cell.Value ?? 0) * 100).ToString("0", Invariant));
        });
        if (map.Best() is { } best)
            c.Text($"联系率最高时段 Best slot: {weekdays[(int)best.Day - 1]} {best.Hour:00}:00,联系率 {best.Rate.Percent()}({best.Rate.Whole} 次外呼)",
                ReportStyle.Small);
    }

    private void ComposeRegions(PdfComposer c)
    {
        if (F.ContactRateByRegion.Count == 0) return;
        c.Heading("地区联系率 Contact rate by region");
        var table = new PdfTable(new PdfColumn("地区 Region", 2), new PdfColumn("外呼次数 Attempts", 1, CellAlign.Right),
            new PdfColumn("有效联系 Contacts", 1, CellAlign.Right), new PdfColumn("联系率 Contact rate", 1, CellAlign.Right));
        foreach (var (region, rate) in F.ContactRateByRegion.OrderByDescending(r => r.Value.Whole).ThenBy(r => r.Key, StringComparer.Ordinal).Take(30))
            table.Row(region, Count(rate.Whole), Count(rate.Part), rate.Percent());
        table.Draw(c);
    }

    private static void ComposeDefinitions(PdfComposer c)
    {
        c.Heading("指标定义 Definitions", keepWith: 40);
        c.Text("联系率 = 有效联系的外呼 / 外呼次数;本人联系率 = 本人联系 / 有效联系;履约率 = 按期还款的承诺 / 已到期或已还款的承诺;" +
               "问卷完成率 = 完成的问卷 / 本人联系;服务水平 = 阈值内接听 / 呼入量;一次解决率 = 首次联系后 7 天内该号码未再联系且未生成工单的联系 / 全部联系。",
            ReportStyle.Small);
    }

    private static string AgentText(AgentName name) =>
        name.BotNumber is { } bot ? $"演示机器人 {bot} 号 Demo bot {bot}" : name.DisplayName ?? "（已删除的坐席）(former agent)";

    private static string OutcomeText(CallOutcome outcome) => outcome switch
    {
        CallOutcome.Answered => "接听 Answered",
        CallOutcome.Busy => "忙线 Busy",
        CallOutcome.NoAnswer => "无人接听 No answer",
        CallOutcome.Machine => "语音信箱/机器 Machine",
        CallOutcome.Abandoned => "放弃 Abandoned",
        CallOutcome.Invalid => "空号 Invalid",
        CallOutcome.Congestion => "网络拥塞 Congestion",
        CallOutcome.Rejected => "拒接 Rejected",
        _ => "失败 Failed",
    };

    public static string Count(long n) => n.ToString("N0", Invariant);
    public static string Yuan(decimal d) => d.ToString("N2", Invariant);
    public static string Duration(TimeSpan t) => $"{(int)t.TotalMinutes}:{t.Seconds:00}";
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);
}
