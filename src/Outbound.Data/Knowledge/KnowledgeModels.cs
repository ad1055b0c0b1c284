namespace Outbound.Data.Knowledge;

public sealed record KbCategory(Guid Id, Guid TenantId, Guid? ParentId, string Name, int Sort);

/// <summary>An article version to publish. <see cref="PolicyChanges"/> are the registered changes it carries (their publication time is set).</summary>
public sealed record ArticleInput(
    Guid? Id, Guid TenantId, Guid? CampaignId, Guid CategoryId, Guid? OrderTypeId, string Title, string Html, DateOnly EffectiveFrom, DateOnly? ReviewBy,
    string? Note, IReadOnlyList<Guid> PolicyChanges);

/// <summary>Why an article, proposal or flag is refused; the web words the codes.</summary>
public enum KbProblem
{
    NotFound, NotAllowed, TitleRequired, TitleTooLong, BodyRequired, CategoryNotFound, CampaignNotFound, OrderTypeNotFound, ReviewBeforeEffective,
    ReasonRequired, ProposalDecided, SynonymsTooFew, NameRequired, NameTaken, Attachment, QueryTooShort, TargetNotPositive, NoteTooLong,
}

public sealed record PublishResult(Guid? Id, int Version, bool InEffect, bool HtmlCleaned, IReadOnlyList<KbProblem> Problems);

/// <summary>An article as a reader sees it (the version in effect).</summary>
public sealed record ArticleView(
    Guid Id, Guid TenantId, string TenantName, Guid? CampaignId, string? CampaignName, Guid CategoryId, string CategoryName, Guid? OrderTypeId, string? OrderTypeName,
    Guid OwnerId, string OwnerName, int Version, string Title, string Html, DateOnly EffectiveFrom, DateOnly? ReviewBy, DateTimeOffset UpdatedAt, int OpenFlags)
{
    /// <summary>Past its review date: readers see it marked as due for review.</summary>
    public bool ReviewDue(DateOnly today) => ReviewBy is { } r && r < today;
}

public sealed record ArticleVersion(int Version, string Title, DateOnly EffectiveFrom, DateOnly? ReviewBy, string? Note, string PublishedBy, DateTimeOffset PublishedAt,
    DateTimeOffset? InEffectAt);

public sealed record KbAttachment(Guid Id, Guid ArticleId, string FileName, string ContentType, int SizeBytes, DateTimeOffset UploadedAt);

/// <summary>A search hit or suggestion.</summary>
public sealed record ArticleHit(Guid Id, string Title, string Snippet, string CategoryName, string? CampaignName, DateOnly EffectiveFrom, DateOnly? ReviewBy,
    double Rank, int OpenFlags);

public sealed record ProposalView(Guid Id, Guid TenantId, string TenantName, Guid? ArticleId, string? ArticleTitle, Guid? CategoryId, string Title, string Html,
    string Reason, string ProposedBy, DateTimeOffset ProposedAt, string Status, string? DecisionNote, DateTimeOffset? DecidedAt);

public sealed record FlagView(Guid Id, Guid ArticleId, string ArticleTitle, string Kind, string Note, string FlaggedBy, DateTimeOffset FlaggedAt,
    DateTimeOffset? ResolvedAt, string? Resolution);

public sealed record PolicyChangeView(Guid Id, Guid TenantId, string TenantName, string Title, DateTimeOffset RegisteredAt, int TargetHours,
    DateTimeOffset? PublishedAt, Guid? ArticleId);

public sealed record SynonymGroup(Guid Id, Guid TenantId, IReadOnlyList<string> Words);
