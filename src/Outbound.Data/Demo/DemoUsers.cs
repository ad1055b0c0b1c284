using Outbound.Core.Identity;

namespace Outbound.Data.Demo;

/// <summary>The demo logins printed by ops/run. All share <see cref="Password"/>.</summary>
public static class DemoUsers
{
    public const string Password = "Demo!2026";

    public sealed record DemoUser(string Email, string DisplayName, string Role, string? TenantCode = null);

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin@demo.local", "平台管理员", Roles.Admin),
        new("manager@demo.local", "项目经理 王经理", Roles.CampaignManager),
        new("supervisor@demo.local", "班长 李班长", Roles.Supervisor),
        .. Enumerable.Range(1, 6).Select(i => new DemoUser($"agent{i}@demo.local", $"坐席 {i} 号", Roles.Agent)),
        new("hr@demo.local", "人事 赵专员", Roles.Hr),
        new("qa@demo.local", "质检员 孙质检", Roles.Qa),
        new("qa2@demo.local", "质检员 周质检", Roles.Qa),
        new("client@demo-bank.local", "示范银行 客户", Roles.Client, DemoCampaigns.BankTenant),
        new("client@demo-power.local", "示范供电公司 客户", Roles.Client, DemoCampaigns.PowerTenant),
    ];
}
