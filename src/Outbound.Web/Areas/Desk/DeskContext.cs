namespace Outbound.Web.Areas.Desk;

/// <summary>
/// What the desk remembers of one agent between hub calls and page reloads: the campaigns logged in to, the lead on
/// screen and the result form saved for its call (the desk's state itself is the session's <c>DeskMachine</c>).
/// </summary>
public sealed class DeskContext(string agentId)
{
    private readonly Lock _gate = new();
    private Guid? _campaign;
    private IReadOnlyList<Guid> _campaigns = [];
    private IReadOnlySet<Guid> _inboundCampaigns = new HashSet<Guid>();
    private ScreenPop? _pop;
    private Guid _formId;
    private DispositionInput? _savedForm;

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
    public ScreenPop? Pop { get { lock (_gate) return _pop; } }

    /// <summary>The result form saved for the call on screen (shown again after a reload), or null.</summary>
    public DispositionInput? SavedForm { get { lock (_gate) return _savedForm; } }

    /// <summary>A lead pops: a call connected (with a form of its own to save) or a preview offered.</summary>
    public void Popped(ScreenPop pop)
    {
        lock (_gate) (_pop, _formId, _savedForm) = (pop, Guid.CreateVersion7(), null);
    }

    /// <summary>The form was saved: its id (the same for every save of this call's form) and what it holds.</summary>
    public (ScreenPop Pop, Guid FormId)? FormToSave()
    {
        lock (_gate) return _pop is { Kind: ScreenPop.CallKind } pop ? (pop, _formId) : null;
    }

    public void Saved(Guid formId, DispositionInput form)
    {
        lock (_gate) if (_formId == formId) _savedForm = form;
    }

    /// <summary>The desk has no call any more (after-call work closed, a preview skipped or not answered).</summary>
    public void CallOver()
    {
        lock (_gate) (_pop, _savedForm) = (null, null);
    }
}
