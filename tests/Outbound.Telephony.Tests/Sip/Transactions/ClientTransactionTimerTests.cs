using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;
using Outbound.Telephony.Sip.Transport;

namespace Outbound.Telephony.Tests.Sip.Transactions;

public sealed class ClientTransactionTimerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly List<SipResponse> _responses = [];
    private readonly List<SipTransactionError> _errors = [];

    public ClientTransactionTimerTests() => _sender = new RecordingSender(_time);

    private ClientInviteTransaction Invite(SipEndPoint remote)
    {
        var transaction = new ClientInviteTransaction(SipSamples.Request("INVITE"), remote, _sender, _time, SipTimerSettings.Default, _responses.Add, _errors.Add);
        transaction.Start();
        return transaction;
    }

    private ClientNonInviteTransaction NonInvite(SipEndPoint remote)
    {
        var transaction = new ClientNonInviteTransaction(SipSamples.Request("OPTIONS"), remote, _sender, _time, SipTimerSettings.Default, _responses.Add, _errors.Add);
        transaction.Start();
        return transaction;
    }

    private void AdvanceSeconds(double seconds)
    {
        for (var i = 0; i < seconds * 10; i++) _time.Advance(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Invite_over_udp_is_retransmitted_by_timer_A_until_timer_B_times_out()
    {
        var transaction = Invite(SipSamples.Udp);

        AdvanceSeconds(40);

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], _sender.SecondsOf(m => m is SipRequest { Method: "INVITE" }));
        Assert.Equal([SipTransactionError.Timeout], _errors);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Invite_over_tcp_is_sent_once_and_still_times_out()
    {
        Invite(SipSamples.Tcp);

        AdvanceSeconds(31.9);
        Assert.Empty(_errors);
        AdvanceSeconds(0.2);

        Assert.Single(_sender.Sent);
        Assert.Equal([SipTransactionError.Timeout], _errors);
    }

    [Fact]
    public void Provisional_response_stops_retransmission_and_timer_B()
    {
        var transaction = Invite(SipSamples.Udp);
        AdvanceSeconds(0.6);
        transaction.ReceiveResponse(SipResponse.For(transaction.Request, 180, toTag: "t1"));

        AdvanceSeconds(100);

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Empty(_errors);
        Assert.Equal(SipTransactionState.Proceeding, transaction.State);
        Assert.Equal(180, Assert.Single(_responses).StatusCode);
    }

    [Fact]
    public void Failure_response_is_acked_again_on_retransmission_until_timer_D()
    {
        var transaction = Invite(SipSamples.Udp);
        var busy = SipResponse.For(transaction.Request, 486, toTag: "t2");

        transaction.ReceiveResponse(busy);
        AdvanceSeconds(10);
        transaction.ReceiveResponse(busy);

        var acks = _sender.Sent.Select(s => s.Message).OfType<SipRequest>().Where(r => r.Method == "ACK").ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal("t2", acks[0].To.Tag);
        Assert.Equal(new CSeqHeader(1, "ACK"), acks[0].CSeq);
        Assert.Equal(transaction.Request.TopVia.Branch, acks[0].TopVia.Branch);
        Assert.Single(_responses);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        AdvanceSeconds(22.1);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Timer_D_is_zero_on_tcp()
    {
        var transaction = Invite(SipSamples.Tcp);
        transaction.ReceiveResponse(SipResponse.For(transaction.Request, 486, toTag: "t2"));

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Two_hundred_moves_to_accepted_and_passes_retransmissions_to_the_user()
    {
        var transaction = Invite(SipSamples.Udp);
        var ok = SipResponse.For(transaction.Request, 200, toTag: "t3");

        transaction.ReceiveResponse(ok);
        transaction.ReceiveResponse(ok);

        Assert.Equal(2, _responses.Count);
        Assert.DoesNotContain(_sender.Sent, s => s.Message is SipRequest { Method: "ACK" });
        Assert.Equal(SipTransactionState.Accepted, transaction.State);
        AdvanceSeconds(32.1);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Non_invite_over_udp_backs_off_to_T2_until_timer_F()
    {
        NonInvite(SipSamples.Udp);

        AdvanceSeconds(40);

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], _sender.SecondsOf(_ => true));
        Assert.Equal([SipTransactionError.Timeout], _errors);
    }

    [Fact]
    public void Non_invite_in_proceeding_retransmits_every_T2()
    {
        var transaction = NonInvite(SipSamples.Udp);
        AdvanceSeconds(0.2);
        transaction.ReceiveResponse(SipResponse.For(transaction.Request, 100));

        AdvanceSeconds(10);

        Assert.Equal([0, 0.5, 4.5, 8.5], _sender.SecondsOf(_ => true));
    }

    [Fact]
    public void Non_invite_final_response_is_kept_for_timer_K()
    {
        var transaction = NonInvite(SipSamples.Udp);
        transaction.ReceiveResponse(SipResponse.For(transaction.Request, 200));
        transaction.ReceiveResponse(SipResponse.For(transaction.Request, 200));

        AdvanceSeconds(4.9);
        Assert.Equal(SipTransactionState.Completed, transaction.State);
        AdvanceSeconds(0.2);

        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Single(_responses);
        Assert.Single(_sender.Sent);
    }

    [Fact]
    public void Transport_error_terminates_with_an_error()
    {
        _sender.Fail = true;

        var transaction = NonInvite(SipSamples.Tcp);

        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal([SipTransactionError.TransportError], _errors);
    }
}
