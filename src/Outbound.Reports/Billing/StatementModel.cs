using Outbound.Core.Billing;

namespace Outbound.Reports.Billing;

/// <summary>A client's monthly statement as shown: Core's figures plus who it is for.</summary>
public sealed record StatementModel(string OperatorName, string ClientName, string ClientCode, MonthlyStatement Statement, DateTimeOffset GeneratedAt);
