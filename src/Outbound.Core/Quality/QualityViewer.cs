namespace Outbound.Core.Quality;

/// <summary>What a signed-in user is to the quality side.</summary>
public enum QualityRole
{
    None,
    Agent,
    Supervisor,
    Qa,
    Hr,
    Admin,
}

/// <summary>
/// Who looks at quality data and which campaigns they cover (null: every campaign). A Qa user covers only the
/// campaigns they are assigned to (none when assigned to none); a supervisor the campaigns they oversee (every one when
/// assigned to none, like the wallboard); Hr and the admin cover all. An agent covers no campaign and sees only their own
/// evaluations; a client user is nothing here and never reaches a recording.
/// </summary>
public sealed record QualityViewer(Guid UserId, QualityRole Role, IReadOnlySet<Guid>? Campaigns)
{
    public bool Covers(Guid campaign) => Role != QualityRole.None && (Campaigns is null || Campaigns.Contains(campaign));

    /// <summary>Only Qa staff score, in their campaigns, and never a call of their own.</summary>
    public bool MayScore(Guid campaign, string agent) =>
        Role == QualityRole.Qa && Covers(campaign) && !ScorerAssignment.IsSelf(UserId, agent);

    /// <summary>Forms, plans and calibration sessions: Qa staff of the campaign, or the admin.</summary>
    public bool MayManage(Guid campaign) => Role is QualityRole.Qa or QualityRole.Admin && Covers(campaign);

    /// <summary>Evaluations, dashboards and charts of a campaign (agents see theirs through their own page).</summary>
    public bool MayReadResults(Guid campaign) => Role is QualityRole.Qa or QualityRole.Supervisor or QualityRole.Admin or QualityRole.Hr && Covers(campaign);

    /// <summary>A dispute goes to a second Qa or a supervisor of the campaign; the scorer never decides their own.</summary>
    public bool MayDecide(Guid campaign, Guid scorer) => Role is QualityRole.Qa or QualityRole.Supervisor && Covers(campaign) && UserId != scorer;

    /// <summary>
    /// A recording: Qa, supervisors and the admin in the campaigns they cover; Hr and the call's own agent only a call that
    /// was evaluated (the evidence they were shown).
    /// </summary>
    public bool MayPlay(Guid campaign, string agent, bool evaluated) => Role switch
    {
        QualityRole.Qa or QualityRole.Supervisor or QualityRole.Admin => Covers(campaign),
        QualityRole.Hr => evaluated,
        QualityRole.Agent => evaluated && ScorerAssignment.IsSelf(UserId, agent),
        _ => false,
    };

    public static QualityViewer Nobody { get; } = new(Guid.Empty, QualityRole.None, new HashSet<Guid>());

    /// <summary>The operator's own tools (the CLI): every campaign, acting as no user.</summary>
    public static QualityViewer System { get; } = new(Guid.Empty, QualityRole.Admin, null);

    /// <summary>The user to record as the author, or null for <see cref="System"/>.</summary>
    public Guid? Author => UserId == Guid.Empty ? null : UserId;
}
