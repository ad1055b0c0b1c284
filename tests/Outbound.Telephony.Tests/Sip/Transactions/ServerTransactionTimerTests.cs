using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transactions;

namespace Outbound.Telephony.Tests.Sip.Transactions;

public sealed class ServerTransactionTimerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingSender _sender;
    private readonly List<SipTransactionError> _errors = [];

    public ServerTransactionTimerTests() => _sender = new RecordingSender(_time);

    private void AdvanceSeconds(double seconds)
    {
        for (var i = 0; i < seconds * 10; i++) _time.Advance(TimeSpan.FromMilliseconds(100));
    }

    private ServerInviteTransaction Invite(Outbound.Telephony.Sip.Transport.SipEndPoint remote) =>
        new(SipSamples.Request("INVITE"), remote, _sender, _time, SipTimerSettings.Default, _errors.Add);

    [Fact]
    public void Failure_response_is_retransmitted_by_timer_G_until_timer_H()
    {
        var transaction = Invite(SipSamples.Udp);

        transaction.Respond(SipResponse.For(transaction.Request, 486, toTag: "x"));
        AdvanceSeconds(40);

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], _sender.SecondsOf(_ => true));
        Assert.Equal([SipTransactionError.Timeout], _errors);
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Ack_stops_retransmission_and_timer_I_ends_confirmed()
    {
        var transaction = Invite(SipSamples.Udp);
        transaction.Respond(SipResponse.For(transaction.Request, 486, toTag: "x"));
        AdvanceSeconds(0.6);

        transaction.ReceiveRequest(SipSamples.Request("ACK"));
        AdvanceSeconds(4.9);
        Assert.Equal(SipTransactionState.Confirmed, transaction.State);
        AdvanceSeconds(0.2);

        Assert.Equal(SipTransactionState.Terminated, transaction.State);
        Assert.Equal(2, _sender.Sent.Count);
        Assert.Empty(_errors);
    }

    [Fact]
    public void Retransmitted_invite_gets_the_last_provisional_again()
    {
        var transaction = Invite(SipSamples.Udp);
        transaction.Respond(SipResponse.For(transaction.Request, 100));
        transaction.Respond(SipResponse.For(transaction.Request, 180, toTag: "x"));

        transaction.ReceiveRequest(transaction.Request);

        Assert.Equal([100, 180, 180], _sender.Sent.Select(s => ((SipResponse)s.Message).StatusCode));
    }

    [Fact]
    public void Failure_response_over_tcp_is_not_retransmitted()
    {
        var transaction = Invite(SipSamples.Tcp);
        transaction.Respond(SipResponse.For(transaction.Request, 603, toTag: "x"));

        AdvanceSeconds(31.9);
        Assert.Single(_sender.Sent);
        Assert.Empty(_errors);
        AdvanceSeconds(0.2);
        Assert.Equal([SipTransactionError.Timeout], _errors);
    }

    [Fact]
    public void Non_invite_final_response_answers_retransmissions_until_timer_J()
    {
        var transaction = new ServerNonInviteTransaction(SipSamples.Request("OPTIONS"), SipSamples.Udp, _sender, _time, SipTimerSettings.Default);

        transaction.ReceiveRequest(transaction.Request);   // Trying: retransmission is absorbed
        transaction.Respond(SipResponse.For(transaction.Request, 200, toTag: "x"));
        AdvanceSeconds(20);
        transaction.ReceiveRequest(transaction.Request);
        AdvanceSeconds(12.1);

        Assert.Equal([0, 20], _sender.SecondsOf(_ => true));
        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }

    [Fact]
    public void Timer_J_is_zero_on_tcp()
    {
        var transaction = new ServerNonInviteTransaction(SipSamples.Request("BYE"), SipSamples.Tcp, _sender, _time, SipTimerSettings.Default);

        transaction.Respond(SipResponse.For(transaction.Request, 200, toTag: "x"));
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(SipTransactionState.Terminated, transaction.State);
    }
}
