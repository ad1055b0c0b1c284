using NodaTime;
using Outbound.Core.Campaigns;

namespace Outbound.Core.Tests.Campaigns;

public sealed class CampaignChangeTests
{
    private static readonly CampaignSettings Base = new()
    {
        CallingWindows = [new CallingWindow(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))],
        Dispositions = [new Disposition("ptp", "承诺还款", true, true, true, true)],
    };

    [Fact]
    public void An_unchanged_set_up_is_no_change_even_when_its_lists_are_new_copies()
    {
        var copy = Base with
        {
            CallingWindows = Base.CallingWindows.ToList(),
            Dispositions = Base.Dispositions.ToList(),
            RetryDelayMinutes = Base.RetryDelayMinutes.ToDictionary(),
        };
        Assert.False(CampaignChange.Between(DialMode.Predictive, Base, DialMode.Predictive, copy).Any);
    }

    [Fact]
    public void Switching_predictive_to_preview_and_moving_a_window_are_named()
    {
        var edited = Base with { CallingWindows = [new CallingWindow(IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(18, 0))], MaxAttempts = 3 };
        var change = CampaignChange.Between(DialMode.Predictive, Base, DialMode.Preview, edited);
        Assert.Equal(new HashSet<CampaignSettingArea> { CampaignSettingArea.DialMode, CampaignSettingArea.CallingWindows, CampaignSettingArea.AttemptLimits },
            change.Areas.ToHashSet());
        Assert.Equal((DialMode.Predictive, DialMode.Preview), (change.From, change.To));
    }

    [Fact]
    public void Pacing_limits_retries_and_the_screen_pop_are_each_their_own_area()
    {
        Assert.True(CampaignChange.Between(DialMode.Predictive, Base, DialMode.Predictive, Base with { AbandonCap = 0.02m }).Has(CampaignSettingArea.Pacing));
        Assert.True(CampaignChange.Between(DialMode.Predictive, Base, DialMode.Predictive, Base with
        {
            RetryDelayMinutes = new Dictionary<CallOutcome, int>(Base.RetryDelayMinutes) { [CallOutcome.Busy] = 30 },
        }).Has(CampaignSettingArea.Retries));
        Assert.Equal([CampaignSettingArea.Desk], CampaignChange.Between(DialMode.Preview, Base, DialMode.Preview, Base with { Script = "您好，{name}" }).Areas);
    }
}
