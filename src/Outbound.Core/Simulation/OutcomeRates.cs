namespace Outbound.Core.Simulation;

/// <summary>
/// The dialer's running estimate of outcome shares, as a real campaign measures them: an exponentially
/// weighted average over resolved dials, starting from yesterday's figures. AMD false positives look
/// like machines here, as they do to the dialer.
/// </summary>
internal sealed class OutcomeRates(double human, double machine, double busy, double weight)
{
    public double Human { get; private set; } = human;
    public double Machine { get; private set; } = machine;
    public double Busy { get; private set; } = busy;

    public void Observe(DialOutcome seen)
    {
        Human += weight * ((seen == DialOutcome.Human ? 1 : 0) - Human);
        Machine += weight * ((seen == DialOutcome.Machine ? 1 : 0) - Machine);
        Busy += weight * ((seen == DialOutcome.Busy ? 1 : 0) - Busy);
    }
}

internal enum DialOutcome { Human, Machine, Busy, NoAnswer }
