using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Lists;
using Outbound.Core.Tenants;
using Outbound.Data.Lists;

namespace Outbound.Cli.Commands;

/// <summary>What every command that loads a client's file into one campaign takes: <c>--tenant CODE --campaign CODE --file F [--encoding auto|utf-8|gb18030|utf-16le|utf-16be]</c>.</summary>
internal sealed record CampaignFileArgs(string TenantCode, string CampaignCode, string File, ListEncodingChoice Encoding)
{
    public static CampaignFileArgs Parse(CliArgs args)
    {
        var tenant = args.Required("tenant");
        var campaign = args.Required("campaign");
        var file = args.Required("file");
        if (!ListEncodingChoices.TryParse(args.Optional("encoding"), out var encoding))
            throw new CliUsageException("--encoding must be auto, utf-8, gb18030, utf-16le or utf-16be");
        return new CampaignFileArgs(tenant, campaign, file, encoding);
    }

    public void EnsureFileExists()
    {
        if (!System.IO.File.Exists(File)) throw new CliUsageException($"no such file: {File}");
    }

    public async Task<(TenantId Tenant, CampaignId Campaign)> ResolveAsync(NpgsqlDataSource dataSource) =>
        await ListImportTargets.ResolveAsync(dataSource, TenantCode, CampaignCode)
        ?? throw new CliUsageException($"no campaign '{CampaignCode}' for tenant '{TenantCode}'");
}
