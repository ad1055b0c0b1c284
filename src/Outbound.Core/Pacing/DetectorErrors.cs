namespace Outbound.Core.Pacing;

/// <summary>
/// How often the answering-machine detector takes a human for a machine (a false positive: the dialer hangs up on a
/// person, which Ofcom counts as an abandoned call). A share of the machine verdicts is put through to agents all the
/// same (every one while detection is off), and the agent's result says machine or human: the humans found there are
/// false positives caught in a sample. The rate is the mean of a gamma posterior: the configured rate is worth
/// <see cref="PriorHumans"/> humans, and each sample adds the humans it stood for (passed humans × sampled share) and
/// the false positives it caught.
/// </summary>
public sealed class DetectorErrors(double configuredRate, double priorHumans = 100)
{
    private double _machineVerdicts, _checkedMachineVerdicts, _humansAmongMachineVerdicts, _passedHumans;

    public double ConfiguredRate => configuredRate;
    public double PriorHumans => priorHumans;

    /// <summary>Machine verdicts an agent has heard so far.</summary>
    public double Checked => _checkedMachineVerdicts;

    /// <summary>Humans the checks found among machine verdicts.</summary>
    public double Caught => _humansAmongMachineVerdicts;

    /// <summary>The detector judged an answer a machine (whether or not the dialer then hung up).</summary>
    public void MachineVerdict() => _machineVerdicts++;

    /// <summary>An agent heard an answer the detector had judged, and found a human (or a machine).</summary>
    public void Heard(bool verdictWasMachine, bool human)
    {
        if (verdictWasMachine)
        {
            _checkedMachineVerdicts++;
            if (human) _humansAmongMachineVerdicts++;
        }
        else if (human) _passedHumans++;
    }

    /// <summary>Adds counts kept from earlier runs (the campaign's history).</summary>
    public void Load(double machineVerdicts, double checkedMachineVerdicts, double humansAmongMachineVerdicts, double passedHumans)
    {
        _machineVerdicts += machineVerdicts;
        _checkedMachineVerdicts += checkedMachineVerdicts;
        _humansAmongMachineVerdicts += humansAmongMachineVerdicts;
        _passedHumans += passedHumans;
    }

    /// <summary>Humans the checks stood for: the passed ones scaled by the share of machine verdicts checked, and those caught.</summary>
    private double Exposure => _machineVerdicts == 0 ? 0 : _passedHumans * Math.Min(1, _checkedMachineVerdicts / _machineVerdicts) + _humansAmongMachineVerdicts;

    /// <summary>Share of human answers judged machines: the configured rate, moved by what the checks found.</summary>
    public double Rate => (priorHumans * configuredRate + _humansAmongMachineVerdicts) / (priorHumans + Exposure);

    /// <summary>The posterior's standard deviation.</summary>
    public double StdDev => Math.Sqrt(priorHumans * configuredRate + _humansAmongMachineVerdicts) / (priorHumans + Exposure);

    /// <summary>Whether agents' results have measured the rate (rather than the configuration alone).</summary>
    public bool Measured => _checkedMachineVerdicts > 0;

    /// <summary>
    /// Whether the false positives are known to exceed <paramref name="limit"/>: the configured rate does, or the measured
    /// one does <paramref name="z"/> standard deviations below its estimate.
    /// </summary>
    public bool Exceeds(double limit, double z) => configuredRate > limit || (Measured && Rate - z * StdDev > limit);
}
