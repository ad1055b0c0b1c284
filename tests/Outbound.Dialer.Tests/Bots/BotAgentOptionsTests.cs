using Outbound.Data.Demo;
using Outbound.Dialer.Bots;

namespace Outbound.Dialer.Tests.Bots;

public sealed class BotAgentOptionsTests
{
    [Fact]
    public void Demo_bots_close_calls_with_their_campaigns_own_dispositions()
    {
        var bank = new BotAgentOptions().For(DemoCampaigns.Bank.Settings);
        var survey = new BotAgentOptions().For(DemoCampaigns.Power.Settings);

        Assert.Equal(DemoCampaigns.Bank.Settings.Dispositions.Select(d => d.Code), bank.Dispositions);
        Assert.Contains("completed", survey.Dispositions);
        Assert.DoesNotContain("contacted", bank.Dispositions.Concat(survey.Dispositions));
    }

    [Fact]
    public void Configured_codes_are_kept()
    {
        var configured = new BotAgentOptions { Dispositions = ["refused"] };

        Assert.Equal(["refused"], configured.For(DemoCampaigns.Bank.Settings).Dispositions);
    }
}
