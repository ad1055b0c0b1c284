using Outbound.Core.Acd;

namespace Outbound.Core.Tests.Acd;

public sealed class ServiceLevelWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(20);

    private static QueueExit Exit(int secondsAgo, int waited, bool answered = true) =>
        new(Now.AddSeconds(-secondsAgo), TimeSpan.FromSeconds(waited), answered);

    [Fact]
    public void Service_level_is_the_share_answered_within_the_target_abandons_counting_against_it()
    {
        var figures = ServiceLevelWindow.Measure([Exit(10, 5), Exit(20, 20), Exit(30, 21), Exit(40, 3, answered: false)], Now, Window, Target);
        Assert.Equal(4, figures.Callers);
        Assert.Equal(0.5, figures.ServiceLevel);
        Assert.Equal(0.8, figures.ArrivalsPerMinute, 6);
    }

    [Fact]
    public void Exits_older_than_the_window_are_left_out()
    {
        var figures = ServiceLevelWindow.Measure([Exit(299, 60), Exit(300, 60), Exit(600, 60), Exit(1, 1)], Now, Window, Target);
        Assert.Equal(2, figures.Callers);
        Assert.Equal(0.5, figures.ServiceLevel);
    }

    [Fact]
    public void An_empty_window_has_no_service_level()
    {
        var figures = ServiceLevelWindow.Measure([Exit(900, 1)], Now, Window, Target);
        Assert.Null(figures.ServiceLevel);
        Assert.Equal(0, figures.ArrivalsPerMinute);
    }
}
