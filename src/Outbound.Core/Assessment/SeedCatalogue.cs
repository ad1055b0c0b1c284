namespace Outbound.Core.Assessment;

/// <summary>
/// The rule catalogue as the seed prints it (part 八, 坐席人员工作总结篇八), with its own numbering:
/// there is no rule 6 or 11. Hr edits the stored copy; this is what a new database starts with.
/// <para>
/// The seed splits the 100 points into 办公室考核 (40) and 本部门业务考核 (60) but does not label each
/// rule. The split here follows what each rule is about: workplace discipline that the office
/// administers (attendance machine, private business, gifts, secrets, original files, conduct on the
/// floor, accidents and property) is Office; how the agent does the department's work (service
/// language, customers, teamwork, handover, meetings, plans, training) is Department.
/// </para>
/// </summary>
public static class SeedCatalogue
{
    public static IReadOnlyList<AssessmentRule> Rules { get; } =
    [
        Rule(1, "呼叫中心工作人员语言必须标准化,依据接打电话录音抽查或当场发现",
            "Service language must follow the standard; found by recording spot checks or on the spot",
            RuleCategory.Department, 5, null, evidence: EvidenceKind.Recording),
        Rule(2, "须提前10分钟到岗,做好上班前准备工作(登录平台、查看呼叫信息、准备派工单等),以考勤机信息为准",
            "Be at the seat 10 minutes before shift start, ready (logged in, calls reviewed, work orders prepared); per attendance records",
            RuleCategory.Office, 1, null, evidence: EvidenceKind.Attendance),
        Rule(3, "不得在工作时间进行个人或非公司的业务",
            "No personal or non-company business during working hours",
            RuleCategory.Office, 2, null),
        Rule(4, "不得收受客户的财物礼品等",
            "Do not accept money, goods or gifts from customers",
            RuleCategory.Office, 1, FineRange.Fixed(100m)),
        Rule(5, "不得向外泄露公司商业秘密(营销策略、内部业务数字、帐册报表、推销方法、文件档案及用户资料等),情节严重者除名",
            "Do not leak business secrets (marketing strategy, internal figures, accounts, sales methods, files, customer data); serious cases are dismissed",
            RuleCategory.Office, 1, new FineRange(1000m, 10000m), mayDismiss: true),
        Rule(7, "不得以任何理由删除原始文件(录音文件、客户档案等)",
            "Never delete original files (call recordings, customer files) for any reason",
            RuleCategory.Office, 5, new FineRange(1000m, 10000m), evidence: EvidenceKind.Recording),
        Rule(8, "工作时间严禁串岗扎堆、聊天或吵架",
            "No leaving the post, gathering, chatting or quarrelling during working hours",
            RuleCategory.Office, 3, null),
        Rule(9, "严禁与客户发生争吵,情节严重者予以除名",
            "Never argue with a customer; serious cases are dismissed",
            RuleCategory.Department, 1, FineRange.Fixed(100m), mayDismiss: true, evidence: EvidenceKind.Recording),
        Rule(10, "由于工作上的怠慢或失误引起火灾、人员伤害、财物损坏和遗失以及其它事故者,照价赔偿,情节严重者除名",
            "Negligence or error causing fire, injury, damage, loss or other accidents: pay the cost; serious cases are dismissed",
            RuleCategory.Office, 1, null, compensation: true, mayDismiss: true),
        Rule(12, "相互学习,积极配合同事间的工作和学习,在工作职责内保证有问必答,耐心指导,具有良好的团队协作精神",
            "Learn from each other, help colleagues, answer their questions patiently within your duties; work as a team",
            RuleCategory.Department, 2, null),
        Rule(13, "按规定进行交接班,做好工作日志交接,接班人须处理好待处理工作",
            "Hand over the shift as required with the work log; the next shift takes over pending work",
            RuleCategory.Department, 5, null, evidence: EvidenceKind.HandoverLog),
        Rule(14, "各种会议不发言或发言没有深度",
            "Silent or shallow in meetings",
            RuleCategory.Department, 2, null),
        Rule(15, "不制定工作、学习计划",
            "No work or study plan",
            RuleCategory.Department, 7, FineRange.Fixed(50m)),
        Rule(16, "无客观原因完不成工作计划",
            "Work plan not completed without an objective reason",
            RuleCategory.Department, 15, FineRange.Fixed(100m)),
        Rule(17, "业务培训后,经考核没有达到要求",
            "Failed the assessment after business training",
            RuleCategory.Department, 5, FineRange.Fixed(50m)),
    ];

    public static AssessmentRule Get(int number) =>
        Rules.FirstOrDefault(r => r.Number.Value == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), $"the seed has no rule {number}");

    private static AssessmentRule Rule(int number, string zh, string en, RuleCategory category, int points,
        FineRange? fine, bool compensation = false, bool mayDismiss = false, EvidenceKind evidence = EvidenceKind.Manual) =>
        new(new RuleNumber(number), new LocalizedText(zh, en), category, points, fine, compensation, mayDismiss, evidence);
}
