using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Outbound.Core.Pacing;
using Outbound.Data.Billing;
using Outbound.Data.Demo;
using Outbound.Data.Dialing;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Telephony;
using Outbound.Telephony.Simulated;

namespace Outbound.Dialer.Hosting;

public static class DialerHostingExtensions
{
    public const string SimulatedSection = "Outbound:Simulated";

    /// <summary>
    /// The dialer: a cluster of one hosting the campaign shard region, the PostgreSQL stores it uses, the
    /// simulated carrier unless another <see cref="ITelephony"/> was registered first (<c>Outbound:Telephony:Adapter=Sip</c>
    /// registers the Sip adapter), and the demo bots
    /// when <c>Outbound:Demo:Enabled</c>. Campaigns that were running resume when the node is up.
    /// </summary>
    public static IHostApplicationBuilder AddOutboundDialer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddTelephonyAdapter();
        services.AddOptions<DialerOptions>().BindConfiguration(DialerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SimulatedCarrierOptions>().BindConfiguration(SimulatedSection)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<PacingOptions>().BindConfiguration("Outbound:Pacing");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITelephony>(sp =>
            new SimulatedTelephony(sp.GetRequiredService<IOptions<SimulatedCarrierOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CampaignStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new LeadHopper(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new AgentStateLog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new CallRecordWriter(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILogger<CallRecordWriter>>()));
        services.TryAddSingleton(sp => new TenantStandingQuery(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new PacingHistoryQuery(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new CampaignNotices(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new DialerServices(
            sp.GetRequiredService<CampaignStore>(), sp.GetRequiredService<LeadHopper>(), sp.GetRequiredService<CallRecordWriter>(),
            sp.GetRequiredService<AgentStateLog>(), sp.GetRequiredService<ITelephony>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DialerOptions>>().Value, sp.GetRequiredService<IOptions<PacingOptions>>().Value,
            sp.GetRequiredService<TenantStandingQuery>(), sp.GetRequiredService<PacingHistoryQuery>(), sp.GetRequiredService<CampaignNotices>()));

        services.AddAkka("outbound", (akka, sp) => akka
            .AddHocon(CampaignSharding.Hocon, HoconAddMode.Prepend)
            .AddStartup((system, registry) =>
            {
                var dialer = sp.GetRequiredService<DialerServices>();
                var region = CampaignSharding.Start(system, dialer);
                registry.Register<CampaignRegion>(region);
                var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
                var logger = sp.GetRequiredService<ILogger<CampaignRegion>>();
                var db = sp.GetRequiredService<NpgsqlDataSource>();
                Cluster.Get(system).RegisterOnMemberUp(() => _ = OnMemberUpAsync(system, region, dialer, demo, db, logger, sp));
            }));
        return builder;
    }

    private static async Task OnMemberUpAsync(ActorSystem system, IActorRef region, DialerServices dialer, DemoOptions demo,
        NpgsqlDataSource db, ILogger logger, IServiceProvider sp)
    {
        try
        {
            var woken = await CampaignSharding.WakeRunningAsync(region, dialer);
            logger.LogInformation("Dialer up; {Count} running campaigns resumed", woken);
            if (!demo.Enabled) return;
            foreach (var code in demo.Campaigns)
            {
                if (await dialer.Campaigns.FindIdByCodeAsync(code) is not { } id)
                {
                    logger.LogWarning("Demo campaign {Code} not found: run 'outbound demo seed' first", code);
                    continue;
                }
                var added = await DemoLeads.EnsureAsync(db, id, demo.LeadsPerCampaign);
                if (added > 0) logger.LogInformation("Demo campaign {Code}: {Count} synthetic leads added", code, added);
                for (var i = 1; i <= demo.BotsPerCampaign; i++)
                    system.ActorOf(BotAgentActor.Props($"{code}-bot{i}", id, region, dialer, demo.Bots), $"demo-{code}-bot{i}");
                var reply = await region.Ask<object>(new CampaignCommands.Start(id), TimeSpan.FromSeconds(30));
                logger.LogInformation("Demo campaign {Code} with {Bots} bot agents: {Reply}", code, demo.BotsPerCampaign, reply);
            }
            await StartInboundDemoAsync(system, region, dialer, demo, logger, sp);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Resuming campaigns or starting the demo failed");
        }
    }

    /// <summary>
    /// The hotline of the demo: bots logged in to its queue and the simulated callers who reach it. Needs the inbound
    /// queues (registered with the agent desk) and the simulated carrier; without either there is no inbound demo.
    /// </summary>
    private static async Task StartInboundDemoAsync(ActorSystem system, IActorRef region, DialerServices dialer, DemoOptions demo, ILogger logger,
        IServiceProvider sp)
    {
        var inbound = demo.Inbound;
        if (string.IsNullOrEmpty(inbound.Campaign)) return;
        if (sp.GetService<AcdQueues>() is not { } queues || dialer.Telephony is not SimulatedTelephony carrier)
        {
            logger.LogInformation("No inbound demo: it needs the inbound queues and the simulated carrier");
            return;
        }
        if (await dialer.Campaigns.FindIdByCodeAsync(inbound.Campaign) is not { } id)
        {
            logger.LogWarning("Demo hotline {Code} not found: run 'outbound demo seed' first", inbound.Campaign);
            return;
        }
        // The bots close calls with the hotline's own dispositions (those of the outbound demo mean nothing there).
        var codes = (await dialer.Campaigns.FindAsync(id))?.Settings.Dispositions.Select(d => d.Code).ToList() ?? [];
        var bots = codes.Count == 0 ? demo.Bots : demo.Bots with { Dispositions = codes };
        for (var i = 1; i <= inbound.Bots; i++)
            system.ActorOf(BotAgentActor.Props($"{inbound.Campaign}-bot{i}", id, region, dialer, bots, queues.Directory), $"demo-{inbound.Campaign}-bot{i}");
        system.ActorOf(DemoCallerActor.Props(id, queues.Directory, carrier, inbound), $"demo-{inbound.Campaign}-callers");
        logger.LogInformation("Demo hotline {Code}: {Bots} bot agents, {Rate} callers a minute", inbound.Campaign, inbound.Bots, inbound.CallersPerMinute);
    }
}
