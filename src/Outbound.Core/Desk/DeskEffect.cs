namespace Outbound.Core.Desk;

/// <summary>What the owner of a <see cref="DeskMachine"/> (the agent session) must do after a step.</summary>
public abstract record DeskEffect
{
    /// <summary>Ask the campaign to dial the preview lead on screen.</summary>
    public sealed record DialLead : DeskEffect;

    /// <summary>Give the preview lead on screen back to the campaign.</summary>
    public sealed record SkipLead : DeskEffect;

    /// <summary>Start the preview lead's countdown (if the campaign has one).</summary>
    public sealed record StartPreviewCountdown : DeskEffect;

    /// <summary>Hang up the customer: ends the call, or cancels it while it rings.</summary>
    public sealed record HangUpCall : DeskEffect;

    public sealed record AnswerInternal : DeskEffect;

    /// <summary>Leave the internal call: cancel or decline it while it rings, end it while talking.</summary>
    public sealed record LeaveInternal : DeskEffect;

    /// <summary>Tell the call the result saved now, while it goes on: kept by the call should the agent leave it.</summary>
    public sealed record StoreResult(DeskResult Result) : DeskEffect;

    /// <summary>The agent is done with the call: it is recorded with this result (null only when none was saved or expected).</summary>
    public sealed record CloseCall(DeskResult? Result) : DeskEffect;

    public sealed record StartWrapUp : DeskEffect;

    public sealed record StopWrapUp : DeskEffect;
}
