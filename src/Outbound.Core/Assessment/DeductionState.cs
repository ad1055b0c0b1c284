namespace Outbound.Core.Assessment;

/// <summary>draft → confirmed → appealed → upheld | voided; a draft may also be voided (a proposal Hr rejects).</summary>
public enum DeductionState
{
    Draft,
    Confirmed,
    Appealed,
    Upheld,
    Voided,
}

public static class DeductionStates
{
    /// <summary>
    /// Whether a deduction in this state is charged at settlement. Drafts (including everything the
    /// system detects) never count until Hr confirms; a pending appeal does not suspend the deduction —
    /// if it is later voided, the refund reaches the agent as an adjustment.
    /// </summary>
    public static bool Counts(this DeductionState state) =>
        state is DeductionState.Confirmed or DeductionState.Appealed or DeductionState.Upheld;

    public static string Code(this DeductionState state) => state.ToString().ToLowerInvariant();

    public static DeductionState ParseDeductionState(string code) =>
        Enum.TryParse<DeductionState>(code, ignoreCase: true, out var state) && !int.TryParse(code, out _)
            ? state
            : throw new ArgumentException($"unknown deduction state '{code}'", nameof(code));
}
