namespace Outbound.Core.Leads;

/// <summary>A lead (one row of a call list); <c>leads.id</c> in the database.</summary>
public sealed record LeadId(long Value)
{
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
