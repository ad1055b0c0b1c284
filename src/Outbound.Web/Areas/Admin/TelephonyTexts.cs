using Outbound.Telephony.Sip.UserAgents;
using Outbound.Web.Areas.Admin.Telephony;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Admin;

/// <summary>Texts of the carrier trunk and agent SIP account pages.</summary>
public static class TelephonyTexts
{
    public static readonly Text NavLink = new("中继与分机", "Trunk and phones");
    public static readonly Text TrunkTitle = new("运营商中继", "Carrier trunk");
    public static readonly Text TrunkIntro = new("外呼经此 SIP 中继发出。修改约 30 秒内对新呼叫生效，进行中的通话不受影响。",
        "Outbound calls go through this SIP trunk. Changes apply to new calls within about 30 s; calls in progress are not affected.");
    public static readonly Text LiveStatus = new("运行状态", "Live status");
    public static readonly Text TrunkInUse = new("当前中继", "Trunk in use");
    public static readonly Text TrunkInUseNone = new("无（未配置或主机名无法解析）", "None (not configured, or the host does not resolve)");
    public static readonly Text TrunkStateLabel = new("中继状态", "Trunk state");
    public static Text TrunkStateText(TrunkState state) => state switch
    {
        TrunkState.Up => new("在线（OPTIONS 探测有应答）", "Up (OPTIONS probes answered)"),
        TrunkState.Down => new("离线：外呼将以“中继不可用”失败", "Down: calls fail as trunk down"),
        _ => new("未知（未探测或尚无应答）", "Unknown (not probed, or no answer yet)"),
    };
    public static readonly Text Registered = new("注册", "Registration");
    public static readonly Text NotRegistered = new("未注册", "Not registered");
    public static readonly Text RegisteredFrom = new("{0}，{1} 到期", "{0}, expires {1}");
    public static readonly Text NoTrunk = new("尚未配置中继：所有外呼都会以“中继不可用”失败。", "No trunk is configured: every call fails as trunk down.");
    public static readonly Text NoTrunkYet = new("尚未配置中继（切换到 SIP 适配器前需要配置）。", "No trunk is configured yet (it is needed before switching to the SIP adapter).");
    public static readonly Text ActiveAdapter = new("当前话务适配器", "Telephony adapter in use");
    public static Text AdapterName(TelephonyAdapter adapter) => adapter switch
    {
        TelephonyAdapter.Sip => new("SIP 中继（Sip）", "SIP trunk (Sip)"),
        TelephonyAdapter.Simulated => new("模拟运营商（Simulated）", "Simulated carrier (Simulated)"),
        _ => new("无（本机不运行拨号服务）", "None (this host runs no dialer)"),
    };
    public static Text AdapterMeaning(TelephonyAdapter adapter) => adapter switch
    {
        TelephonyAdapter.Sip => new("外呼经下方配置的运营商中继发出。", "Calls go out through the carrier trunk configured below."),
        TelephonyAdapter.Simulated => new("外呼由模拟运营商完成（演示与测试用），不经过中继；此处的中继设置在切换到 SIP 适配器（Outbound:Telephony:Adapter=Sip）后才使用。",
            "Calls are completed by the simulated carrier (demo and tests) without a trunk; the trunk settings here are used once the SIP adapter is chosen (Outbound:Telephony:Adapter=Sip)."),
        _ => new("本机不拨打电话。", "This host places no calls."),
    };
    public static readonly Text Host = new("主机（域名或 IP）", "Host (name or IP)");
    public static readonly Text Port = new("端口", "Port");
    public static readonly Text Transport = new("传输协议", "Transport");
    public static readonly Text Username = new("认证用户名", "Auth username");
    public static readonly Text Password = new("认证密码", "Auth password");
    public static readonly Text PasswordKept = new("已设置密码（加密保存）；留空则保持不变。", "A password is set (stored encrypted); leave blank to keep it.");
    public static readonly Text PasswordNone = new("未设置密码。", "No password is set.");
    public static readonly Text ClearPassword = new("清除已保存的密码", "Remove the stored password");
    public static readonly Text Realm = new("认证域（可选，仅应答该域的质询）", "Realm (optional: answer only this realm's challenges)");
    public static readonly Text CallerId = new("默认主叫号码", "Default caller id");
    public static readonly Text OptionsInterval = new("OPTIONS 探测间隔（秒，0 为不探测）", "OPTIONS probe interval (seconds, 0 = off)");
    public static readonly Text LastChanged = new("最后修改：{0}，{1}", "Last changed {0} by {1}");
    public static readonly Text TrunkSaved = new("中继已保存，拨号服务重启后生效。", "Trunk saved; it takes effect when the dialer restarts.");

    public static readonly Text HostInvalid = new("请填写有效的主机名或 IP 地址。", "Enter a valid host name or IP address.");
    public static readonly Text PortInvalid = new("端口须在 1–65535 之间。", "The port must be 1–65535.");
    public static readonly Text TransportInvalid = new("传输协议只能是 UDP 或 TCP。", "The transport must be UDP or TCP.");
    public static readonly Text UsernameInvalid = new("用户名只能包含字母、数字和 . _ - +，最长 64 位。", "A username has letters, digits and . _ - + only, at most 64.");
    public static readonly Text PasswordNeedsUsername = new("设置密码时须同时填写认证用户名。", "A password needs an auth username.");
    public static readonly Text PasswordTooLong = new("密码最长 128 位。", "A password has at most 128 characters.");
    public static readonly Text RealmInvalid = new("认证域不能包含引号、反斜杠或空白以外的控制字符，最长 128 位。", "A realm has no quotes, backslashes or control characters, at most 128.");
    public static readonly Text CallerIdInvalid = new("主叫号码须为 3–20 位数字，可带开头的 +。", "A caller id is 3–20 digits, optionally with a leading +.");
    public static readonly Text OptionsIntervalInvalid = new("探测间隔须在 0–3600 秒之间（5 秒以下只能为 0）。", "The probe interval must be 0–3600 seconds (0, or at least 5).");

    public static readonly Text AgentsTitle = new("坐席分机账号", "Agent SIP accounts");
    public static readonly Text AgentsIntro = new("坐席软电话以此账号向平台注册（认证域 {0}）。平台只保存摘要哈希（HA1），不保存密码；修改约 30 秒内生效。",
        "Agents' softphones register to the platform with these accounts (realm {0}). Only digest hashes (HA1) are kept, never the password; changes apply within about 30 s.");
    public static readonly Text Agent = new("坐席 ID", "Agent id");
    public static readonly Text AgentHint = new("拨号系统中的坐席 ID（坐席登录时使用的标识）。", "The agent's id in the dialer (what the agent logs in as).");
    public static readonly Text SipUsername = new("分机用户名", "SIP username");
    public static readonly Text SipPassword = new("分机密码", "SIP password");
    public static readonly Text SaveAccount = new("保存（新建或重设密码）", "Save (create or reset the password)");
    public static readonly Text Enabled = new("启用", "Enabled");
    public static readonly Text Disabled = new("停用", "Disabled");
    public static readonly Text Enable = new("启用", "Enable");
    public static readonly Text Disable = new("停用", "Disable");
    public static readonly Text RealmChanged = new("认证域已变更，须重设密码", "The realm changed: reset the password");
    public static readonly Text AccountSaved = new("已保存 {0} 的分机账号。", "Saved the SIP account of {0}.");
    public static readonly Text AgentInvalid = new("请填写坐席 ID（不含空白，最长 100 位）。", "Enter the agent id (no spaces, at most 100).");
    public static readonly Text SipUsernameInvalid = new("分机用户名须为 2–32 位字母、数字或 . _ -。", "A SIP username is 2–32 letters, digits or . _ -.");
    public static readonly Text SipPasswordInvalid = new("分机密码须为 8–64 位，不含空白。", "A SIP password has 8–64 characters and no spaces.");
    public static readonly Text SipUsernameTaken = new("该分机用户名已被其他坐席使用。", "This SIP username belongs to another agent.");
}
