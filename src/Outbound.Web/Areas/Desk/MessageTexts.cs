using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Desk;

/// <summary>Texts of agent ↔ supervisor messages (坐席消息).</summary>
public static class MessageTexts
{
    public static readonly Text Title = new("消息", "Messages");
    public static readonly Text Send = new("发送", "Send");
    public static readonly Text ToSupervisors = new("发给班长", "To my supervisors");
    public static readonly Text ToAgent = new("发给坐席", "To the agent");
    public static readonly Text ToCampaign = new("群发到项目", "To everyone in the campaign");
    public static readonly Text Empty = new("消息不能为空。", "The message is empty.");
    public static readonly Text NotAllowed = new("只能向您负责的项目发送消息。", "You can only message campaigns you are assigned to.");
    public static readonly Text NotYourAgent = new("该坐席未签入您负责的项目。", "That agent is not logged in to a campaign of yours.");
    public static readonly Text NotLoggedIn = new("请先签入项目。", "Log in to a campaign first.");
    public static readonly Text NoSupervisor = new("您的项目没有指派班长。", "No supervisor is assigned to your campaigns.");
}
