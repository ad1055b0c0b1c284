namespace Outbound.Web.Areas.Desk;

/// <summary>What the desk remembers of one agent between hub calls: the campaigns logged in to and the call to close.</summary>
public sealed class DeskContext(string agentId)
{
    private readonly Lock _gate = new();
    private Guid? _campaign;
    private IReadOnlyList<Guid> _campaigns = [];
    private IReadOnlySet<Guid> _inboundCampaigns = new HashSet<Guid>();
    private ScreenPop? _pop;
    private bool _awaitingDisposition;

    public string AgentId { get; } = agentId;

    /// <summary>Logged in to an inbound campaign (its figures are the queue's).</summary>
    public bool Inbound { get { lock (_gate) return _inboundCampaigns.Count > 0; } }

    /// <summary>The first campaign logged in to.</summary>
    public Guid? Campaign { get { lock (_gate) return _campaign; } }

    /// <summary>Every campaign logged in to, the first one first.</summary>
    public IReadOnlyList<Guid> Campaigns { get { lock (_gate) return _campaigns; } }

    /// <summary>Those of <see cref="Campaigns"/> that are inbound queues.</summary>
    public IReadOnlySet<Guid> InboundCampaigns { get { lock (_gate) return _inboundCampaigns; } }

    public void LoggedIn(IReadOnlyList<Guid> campaigns, IReadOnlySet<Guid> inbound)
    {
        lock (_gate) (_campaign, _campaigns, _inboundCampaigns) = (campaigns.Count > 0 ? campaigns[0] : null, campaigns, inbound);
    }

    public void LoggedOut()
    {
        lock (_gate) (_campaign, _campaigns, _inboundCampaigns) = (null, [], new HashSet<Guid>());
    }

    /// <summary>The lead on screen (a connected call or a preview offer).</summary>
    public ScreenPop? Pop { get { lock (_gate) return _pop; } set { lock (_gate) _pop = value; } }

    /// <summary>True from the end of a call until the agent saves its disposition.</summary>
    public bool AwaitingDisposition { get { lock (_gate) return _awaitingDisposition; } set { lock (_gate) _awaitingDisposition = value; } }
}
