using Outbound.Core.Pacing;

namespace Outbound.Core.Tests.Pacing;

/// <summary>The rolling abandon window as pacing reads it: now, and as it will stand a little ahead.</summary>
public class AbandonWindowTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Read_ahead_the_window_leaves_out_the_live_calls_that_leave_it_by_then_but_keeps_a_fresh_abandon()
    {
        var tracker = new AbandonWindowTracker(TimeSpan.FromHours(1));
        for (var minute = 0; minute < 60; minute++) tracker.Connected(Start.AddMinutes(minute), detectorPassed: false);
        tracker.Abandoned(Start.AddMinutes(59), detectorPassed: false);
        var now = Start.AddMinutes(59.5);

        var current = tracker.Counts(now, 0.03, TimeSpan.FromSeconds(2), falsePositives: null);
        var ahead = tracker.Counts(now, 0.03, TimeSpan.FromSeconds(2), falsePositives: null, ahead: TimeSpan.FromMinutes(15));

        Assert.Equal((1, 60), (current.Abandoned, current.Connected));
        // Calls of minutes 0–14 leave the window in the next quarter of an hour; the abandon of minute 59 stays.
        Assert.Equal((1, 45), (ahead.Abandoned, ahead.Connected));
        Assert.True(ahead.Room() < current.Room());
        // Reading ahead removes nothing: the window now is still what it was.
        Assert.Equal(current, tracker.Counts(now, 0.03, TimeSpan.FromSeconds(2), falsePositives: null));
    }
}
