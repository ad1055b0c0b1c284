using NodaTime;
using Outbound.Core.Compliance;
using Outbound.Core.Desk;

namespace Outbound.Core.Tests.Desk;

/// <summary>The desk's transitions and buttons, one situation at a time (the random sequences are in <see cref="DeskMachinePropertyTests"/>).</summary>
public sealed class DeskMachineTests
{
    private static readonly DeskResult Promise = new("promise_to_pay", new CallbackRequest(Instant.FromUtc(2026, 12, 1, 2, 0), true));

    private static DeskMachine Run(DeskMachine desk, params DeskInput[] inputs)
    {
        foreach (var input in inputs)
        {
            var step = desk.Apply(input);
            Assert.True(step.Accepted, $"{input} refused in {desk.State}: {step.Refusal}");
            desk = step.Machine;
        }
        return desk;
    }

    private static DeskMachine Ready() => Run(DeskMachine.SignedOut, new DeskInput.SignIn(HasPhone: true), new DeskInput.GoReady());

    private static DeskMachine Talking() => Run(Ready(), new DeskInput.Offered(DeskCallKind.Live), new DeskInput.Connected());

    [Fact]
    public void A_signed_out_desk_offers_only_sign_in()
    {
        Assert.Equal(DeskState.SignedOut, DeskMachine.SignedOut.State);
        Assert.Equal([DeskAction.SignIn], DeskMachine.SignedOut.Actions);
        Assert.Equal(DeskRefusal.NotSignedIn, DeskMachine.SignedOut.Apply(new DeskInput.GoReady()).Refusal);
        Assert.Equal(DeskRefusal.NotSignedIn, DeskMachine.SignedOut.Apply(new DeskInput.Control(DeskAction.Hold)).Refusal);
    }

    [Fact]
    public void Ready_right_after_sign_in_works_and_without_a_phone_says_why()
    {
        var signedIn = Run(DeskMachine.SignedOut, new DeskInput.SignIn(HasPhone: true));
        Assert.Equal((DeskState.NotReady, DeskMachine.LoginReason), (signedIn.State, signedIn.Reason));
        Assert.Contains(DeskAction.Ready, signedIn.Actions);
        Assert.Equal(DeskState.Ready, signedIn.Apply(new DeskInput.GoReady()).Machine.State);

        var noPhone = Run(DeskMachine.SignedOut, new DeskInput.SignIn(HasPhone: false));
        var refused = noPhone.Apply(new DeskInput.GoReady());
        Assert.Equal(DeskRefusal.NoPhone, refused.Refusal);
        Assert.Equal(DeskState.NotReady, refused.Machine.State);
    }

    [Fact]
    public void A_result_saved_during_the_call_goes_to_the_call_at_once_and_lets_the_agent_go_ready_after_it()
    {
        var saved = Talking().Apply(new DeskInput.SaveResult(Promise));
        Assert.Equal([new DeskEffect.StoreResult(Promise)], saved.Effects);
        Assert.Equal(DeskState.Talking, saved.Machine.State);

        var ended = saved.Machine.Apply(new DeskInput.Ended());
        Assert.Equal(DeskState.AfterCallWork, ended.Machine.State);
        Assert.Equal([new DeskEffect.StartWrapUp()], ended.Effects);
        Assert.Contains(DeskAction.Ready, ended.Machine.Actions);

        var ready = ended.Machine.Apply(new DeskInput.GoReady());
        Assert.Equal(DeskState.Ready, ready.Machine.State);
        Assert.Equal([new DeskEffect.StopWrapUp(), new DeskEffect.CloseCall(Promise)], ready.Effects);
    }

    [Fact]
    public void After_call_work_without_a_result_refuses_ready_and_sign_out_until_one_is_saved()
    {
        var acw = Run(Talking(), new DeskInput.Ended());
        Assert.DoesNotContain(DeskAction.Ready, acw.Actions);
        Assert.Contains(DeskAction.SaveResult, acw.Actions);
        Assert.Equal(DeskRefusal.ResultRequired, acw.Apply(new DeskInput.GoReady()).Refusal);
        Assert.Equal(DeskRefusal.ResultRequired, acw.Apply(new DeskInput.SignOut()).Refusal);

        var saved = Run(acw, new DeskInput.SaveResult(new DeskResult("no_answer_rpc")));
        var ready = saved.Apply(new DeskInput.GoReady());
        Assert.Equal(DeskState.Ready, ready.Machine.State);
        Assert.Contains(new DeskEffect.CloseCall(new DeskResult("no_answer_rpc")), ready.Effects);
    }

    [Fact]
    public void A_result_corrected_after_the_call_replaces_the_one_saved_during_it()
    {
        var corrected = new DeskResult("refused");
        var acw = Run(Talking(), new DeskInput.SaveResult(Promise), new DeskInput.Ended(), new DeskInput.SaveResult(corrected));
        var step = acw.Apply(new DeskInput.GoReady());
        Assert.Contains(new DeskEffect.CloseCall(corrected), step.Effects);
    }

    [Fact]
    public void The_wrap_up_time_closes_after_call_work_only_once_a_result_is_saved()
    {
        var silent = Run(Talking(), new DeskInput.Ended());
        var expired = silent.Apply(new DeskInput.WrapUpExpired());
        Assert.Equal(DeskState.AfterCallWork, expired.Machine.State);
        Assert.True(expired.Machine.Call!.WrapUpOver);
        Assert.Empty(expired.Effects);

        var saved = Run(Talking(), new DeskInput.SaveResult(Promise), new DeskInput.Ended());
        var closed = saved.Apply(new DeskInput.WrapUpExpired());
        Assert.Equal(DeskState.Ready, closed.Machine.State);
        Assert.Contains(new DeskEffect.CloseCall(Promise), closed.Effects);
    }

    [Fact]
    public void Not_ready_asked_for_during_a_call_applies_when_after_call_work_closes()
    {
        var acw = Run(Talking(), new DeskInput.GoNotReady("break"), new DeskInput.Ended());
        Assert.Equal(DeskState.AfterCallWork, acw.State);
        var closed = Run(acw, new DeskInput.SaveResult(Promise), new DeskInput.GoNotReady("break"));
        Assert.Equal((DeskState.NotReady, "break"), (closed.State, closed.Reason));
    }

    [Fact]
    public void Hold_and_retrieve_are_never_offered_together()
    {
        var talking = Talking();
        Assert.Contains(DeskAction.Hold, talking.Actions);
        Assert.DoesNotContain(DeskAction.Retrieve, talking.Actions);
        var held = Run(talking, new DeskInput.StatusChanged(Held: true, null, false, false));
        Assert.Equal(DeskState.Held, held.State);
        Assert.Contains(DeskAction.Retrieve, held.Actions);
        Assert.DoesNotContain(DeskAction.Hold, held.Actions);
        Assert.Equal(DeskRefusal.NotNow, held.Apply(new DeskInput.Control(DeskAction.Hold)).Refusal);
    }

    [Fact]
    public void A_consult_offers_cancel_while_it_rings_and_complete_or_conference_once_answered()
    {
        var ringing = Run(Talking(), new DeskInput.StatusChanged(Held: true, "13800138000", ConsultUp: false, Conference: false));
        Assert.Equal(DeskState.Consulting, ringing.State);
        Assert.Contains(DeskAction.CancelConsult, ringing.Actions);
        Assert.DoesNotContain(DeskAction.CompleteTransfer, ringing.Actions);
        Assert.DoesNotContain(DeskAction.HangUp, ringing.Actions);
        Assert.Equal(DeskRefusal.ConsultInProgress, ringing.Apply(new DeskInput.HangUp()).Refusal);

        var up = Run(ringing, new DeskInput.StatusChanged(Held: true, "13800138000", ConsultUp: true, Conference: false));
        Assert.True(up.Actions.IsSupersetOf([DeskAction.CompleteTransfer, DeskAction.Conference, DeskAction.CancelConsult]));
        var given = Run(up, new DeskInput.StatusChanged(Held: false, null, false, false));
        Assert.Equal(DeskState.Talking, given.State);
    }

    [Fact]
    public void Hang_up_ends_a_customer_call_and_cancels_a_dialled_preview_once_the_call_exists()
    {
        var talking = Talking();
        Assert.Contains(DeskAction.HangUp, talking.Actions);
        Assert.Equal([new DeskEffect.HangUpCall()], talking.Apply(new DeskInput.HangUp()).Effects);

        var offered = Run(Ready(), new DeskInput.Offered(DeskCallKind.Preview));
        Assert.Equal(DeskState.Reserved, offered.State);
        Assert.True(offered.Actions.IsSupersetOf([DeskAction.Dial, DeskAction.Skip]));
        Assert.DoesNotContain(DeskAction.HangUp, offered.Actions);
        var dial = offered.Apply(new DeskInput.Dial());
        Assert.Equal([new DeskEffect.DialLead()], dial.Effects);
        Assert.Equal(DeskState.Ringing, dial.Machine.State);
        var hungUp = dial.Machine.Apply(new DeskInput.HangUp());
        Assert.Empty(hungUp.Effects); // nothing to hang up yet
        var placed = hungUp.Machine.Apply(new DeskInput.Placed());
        Assert.Equal([new DeskEffect.HangUpCall()], placed.Effects);
        Assert.Equal(DeskState.Ready, placed.Machine.Apply(new DeskInput.Released()).Machine.State);
    }

    [Fact]
    public void A_colleague_who_was_only_consulted_needs_no_result_to_be_ready_again()
    {
        var released = Run(Talking(), new DeskInput.Ended(ResultExpected: false));
        Assert.Contains(DeskAction.Ready, released.Actions);
        var ready = released.Apply(new DeskInput.GoReady());
        Assert.Equal(DeskState.Ready, ready.Machine.State);
        Assert.Contains(new DeskEffect.CloseCall(null), ready.Effects);
    }

    [Fact]
    public void A_manual_dial_from_not_ready_returns_to_not_ready_with_its_reason()
    {
        var desk = Run(DeskMachine.SignedOut, new DeskInput.SignIn(true), new DeskInput.GoNotReady("training"),
            new DeskInput.Offered(DeskCallKind.Manual), new DeskInput.Placed());
        Assert.Equal(DeskState.Ringing, desk.State);
        var back = Run(desk, new DeskInput.Released());
        Assert.Equal((DeskState.NotReady, "training"), (back.State, back.Reason));
    }

    [Fact]
    public void A_live_call_is_not_offered_to_an_agent_who_is_not_ready_or_busy()
    {
        var notReady = Run(DeskMachine.SignedOut, new DeskInput.SignIn(true));
        Assert.Equal(DeskRefusal.NotAvailable, notReady.Apply(new DeskInput.Offered(DeskCallKind.Live)).Refusal);
        Assert.Equal(DeskRefusal.NotAvailable, Talking().Apply(new DeskInput.Offered(DeskCallKind.Live)).Refusal);
    }

    [Fact]
    public void A_supervisor_sign_out_during_a_call_leaves_it_with_the_result_saved_so_far()
    {
        var step = Run(Talking(), new DeskInput.SaveResult(Promise)).Apply(new DeskInput.ForceSignOut());
        Assert.Equal(DeskState.SignedOut, step.Machine.State);
        Assert.Equal([new DeskEffect.CloseCall(Promise)], step.Effects);
    }

    [Fact]
    public void A_lost_phone_makes_the_agent_not_ready_and_ready_says_why_until_signed_in_again()
    {
        var lost = Run(Ready(), new DeskInput.PhoneLost());
        Assert.Equal((DeskState.NotReady, DeskMachine.PhoneReason), (lost.State, lost.Reason));
        Assert.Equal(DeskRefusal.NoPhone, lost.Apply(new DeskInput.GoReady()).Refusal);
        var again = Run(lost, new DeskInput.SignOut(), new DeskInput.SignIn(true), new DeskInput.GoReady());
        Assert.Equal(DeskState.Ready, again.State);
    }
}
