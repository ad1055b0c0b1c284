namespace Outbound.Web.Areas.Desk;

/// <summary>What the desk remembers of one agent between hub calls: the campaign and the call to close.</summary>
public sealed class DeskContext(string agentId)
{
    private readonly Lock _gate = new();
    private Guid? _campaign;
    private ScreenPop? _pop;
    private bool _awaitingDisposition;

    public string AgentId { get; } = agentId;

    /// <summary>Logged in to an inbound campaign (its figures are the queue's).</summary>
    public bool Inbound { get; set; }

    public Guid? Campaign { get { lock (_gate) return _campaign; } set { lock (_gate) _campaign = value; } }

    /// <summary>The lead on screen (a connected call or a preview offer).</summary>
    public ScreenPop? Pop { get { lock (_gate) return _pop; } set { lock (_gate) _pop = value; } }

    /// <summary>True from the end of a call until the agent saves its disposition.</summary>
    public bool AwaitingDisposition { get { lock (_gate) return _awaitingDisposition; } set { lock (_gate) _awaitingDisposition = value; } }
}
