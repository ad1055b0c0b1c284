using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Transport;

/// <summary>The admission decision for new INVITEs on a fake clock: queueing delay, rate, and calls already taken.</summary>
public sealed class SipAdmissionTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Invite_that_waited_longer_than_the_limit_is_shed_and_one_that_did_not_is_taken()
    {
        var admission = new SipAdmission(new SipAdmissionOptions { MaxQueueDelay = TimeSpan.FromMilliseconds(150) }, _time);

        Assert.True(admission.Admit("a", TimeSpan.FromMilliseconds(149)));
        Assert.False(admission.Admit("b", TimeSpan.FromMilliseconds(151)));
        Assert.Equal((1, 1), (admission.Admitted, admission.Shed));
    }

    [Fact]
    public void Call_once_taken_is_never_shed_halfway_until_its_transaction_could_have_ended()
    {
        var admission = new SipAdmission(SipAdmissionOptions.Default, _time);
        Assert.True(admission.Admit("a", TimeSpan.Zero));

        Assert.True(admission.Admit("a", TimeSpan.FromSeconds(3)));   // a retransmission, or the retry after a 401
        _time.Advance(SipAdmission.Memory + TimeSpan.FromSeconds(1));
        admission.Forget();
        Assert.False(admission.Admit("a", TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Rate_limit_takes_a_burst_then_the_configured_rate()
    {
        var admission = new SipAdmission(new SipAdmissionOptions { MaxNewCallsPerSecond = 10, Burst = 5 }, _time);

        var first = Enumerable.Range(0, 8).Count(i => admission.Admit($"burst{i}", TimeSpan.Zero));
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = Enumerable.Range(0, 20).Count(i => admission.Admit($"next{i}", TimeSpan.Zero));

        Assert.Equal(5, first);
        Assert.Equal(5, second);   // ten tokens came, but the bucket holds five
    }
}
