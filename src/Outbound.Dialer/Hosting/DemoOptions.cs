using Outbound.Dialer.Bots;

namespace Outbound.Dialer.Hosting;

/// <summary>The demo (bound from <c>Outbound:Demo</c>): bot agents dial the seeded campaigns on the simulated carrier and answer the hotline's simulated callers.</summary>
public sealed record DemoOptions
{
    public const string Section = "Outbound:Demo";

    public bool Enabled { get; init; }
    public IReadOnlyList<string> Campaigns { get; init; } = ["bank-collect-1", "power-survey-1"];
    public int BotsPerCampaign { get; init; } = 6;
    /// <summary>Synthetic leads abroad added to each demo campaign (see DemoLeads), so the demo dials at any hour.</summary>
    public int LeadsPerCampaign { get; init; } = 1000;
    public BotAgentOptions Bots { get; init; } = new();
    public DemoInboundOptions Inbound { get; init; } = new();
}
