using Outbound.Core.Billing;
using Outbound.Data.Billing;

namespace Outbound.Reports.Billing;

/// <summary>A client's monthly statement as shown: Core's figures plus who it is for.</summary>
/// <param name="Issued">Null while the month's statement is a preview, not yet issued.</param>
public sealed record StatementModel(string OperatorName, string ClientName, string ClientCode, MonthlyStatement Statement, DateTimeOffset GeneratedAt,
    IssuedStatement? Issued = null);
