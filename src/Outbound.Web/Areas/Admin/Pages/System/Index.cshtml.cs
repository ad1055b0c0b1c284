using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using Outbound.Data.Database;
using Outbound.Reports.Pdf;
using Outbound.Web.Areas.Admin.Telephony;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Admin.Pages.System;

/// <summary>The admin's system checks: the PDF font, the database schema and the telephony adapter, each with what to do when it is wrong.</summary>
public sealed class IndexModel(NpgsqlDataSource dataSource, IServiceProvider services) : PageModel
{
    public sealed record CheckRow(string Key, Text Name, bool Ok, string Detail);

    public IReadOnlyList<CheckRow> Checks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var adapter = ActiveTelephony.Of(services);
        Checks =
        [
            new("font", SystemTexts.Font, ReportFonts.Available,
                (ReportFonts.Available ? SystemTexts.FontFound : SystemTexts.FontMissing).Format(ReportFonts.CollectionPath)),
            await SchemaAsync(ct),
            new("telephony", SystemTexts.Telephony, adapter != TelephonyAdapter.None,
                $"{TelephonyTexts.AdapterName(adapter)}：{TelephonyTexts.AdapterMeaning(adapter)}"),
        ];
    }

    private async Task<CheckRow> SchemaAsync(CancellationToken ct)
    {
        var applied = new HashSet<int>();
        await using (var cmd = dataSource.CreateCommand("SELECT version FROM schema_migrations"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetInt32(0));
        var missing = DatabaseMigrator.Embedded.Where(m => !applied.Contains(m.Version)).Select(m => m.Version.ToString("0000")).ToList();
        return new("database", SystemTexts.Database, missing.Count == 0, missing.Count == 0
            ? SystemTexts.SchemaCurrent.Format(DatabaseMigrator.Embedded.Count, DatabaseMigrator.Embedded[^1].Version.ToString("0000"))
            : SystemTexts.SchemaBehind.Format(string.Join(", ", missing)));
    }
}
