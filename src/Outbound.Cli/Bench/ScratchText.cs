using Outbound.Data.Knowledge;

namespace Outbound.Cli.Bench;

/// <summary>
/// Chinese phrases of a bank's and a utility's service work for the work-order and knowledge-base benches, each segmented
/// once by the product's <see cref="ChineseSegmenter"/>, so the scratch rows carry the same search vectors the product writes.
/// </summary>
public sealed class ScratchText(ChineseSegmenter segmenter)
{
    public static readonly string[] Phrases =
    [
        "信用卡交易争议", "客户称未消费", "年费被重复扣收", "最低还款额计算", "申请账单分期", "分期手续费过高", "提前结清违约金", "逾期罚息减免",
        "征信记录异议", "挂失补卡", "临时额度调整", "积分兑换失败", "网银转账失败", "手机银行无法登录", "短信验证码收不到", "自动还款未扣款",
        "还款日变更", "催收电话太频繁", "要求停止催收", "协商延期还款", "失业无力还款", "家人代为还款", "小区停电抢修", "电费异常偏高",
        "电表读数错误", "阶梯电价咨询", "预付费电表充值", "计划停电通知", "电压不稳", "新装电表申请", "过户更名", "发票开具",
        "营业厅服务态度", "抢修人员迟到", "线路老化隐患", "树木碰线", "路灯不亮", "光伏并网咨询", "充电桩报装", "退费申请",
    ];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    public static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"];

    /// <summary>Queries agents type: single topics, two topics, and questions in their own words.</summary>
    public static readonly string[] Queries =
    [
        "交易争议", "重复扣收", "最低还款额", "分期手续费", "挂失", "停电", "电费偏高", "电表读数", "催收电话", "延期还款", "年费", "积分兑换",
        "手机银行登录", "自动还款", "计划停电", "充电桩", "退费", "最低还款额怎么算", "分期手续费是多少", "信用卡丢了怎么办", "停电什么时候恢复",
        "电费为什么这么高", "客户要求停止催收", "征信有问题",
    ];

    public IReadOnlyList<string> Words { get; } = Phrases.Select(segmenter.IndexText).ToList();
}
