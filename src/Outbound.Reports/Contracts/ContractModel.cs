using Outbound.Core.Billing;

namespace Outbound.Reports.Contracts;

/// <summary>Everything the seat-lease contract shows: the two parties and the agreed terms.</summary>
public sealed record ContractModel(string OperatorName, string ClientName, string ClientCode, ContractTerms Terms, DateTimeOffset GeneratedAt);
