namespace Outbound.Web.Tests.Security.Access;

/// <summary>The agent desk (agents and supervisors), its messages, and the inbound set-up pages of campaign writers.</summary>
internal sealed class DeskAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Desk/Index", "/Desk", Who.Staff);
        map.Page("/Desk/Ivr", $"/Desk/Ivr/{world.Hotline}", Who.CampaignWriters).Post("");
        map.Page("/Desk/Queue", $"/Desk/Queue/{world.Hotline}", Who.CampaignWriters).Post("");
        // Every desk method acts on the caller's own session only (its user id is the agent id).
        map.Hub("/hubs/agent-desk", Who.Staff,
            "Login", "LoginTo", "Ready", "NotReady", "Logout", "DialPreview", "SkipPreview", "Dispose", "ManualDial", "Search", "Current",
            "Hold", "Retrieve", "Consult", "CancelConsult", "Transfer", "CompleteTransfer", "Conference", "TransferTargets",
            "CallColleague", "AnswerColleague", "DeclineColleague", "HangUpColleague");
        // Messages go to the caller's own campaigns' people; supervisors may write to a whole campaign.
        map.Hub("/hubs/desk-messages", Who.Staff, "Recent", "ToAgent", "ToCampaign", "ToSupervisors");
    }
}
