using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Identity;
using Outbound.Core.Pacing;
using Outbound.Data.Billing;
using Outbound.Data.Database;
using Outbound.Data.Demo;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Dialer.Bots;
using Outbound.Dialer.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Dialer.Recovery;
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
    /// when <c>Outbound:Demo:Enabled</c>. When the node is up its run keeper closes what a crashed run left open and wakes
    /// the campaigns that were running; a graceful stop (<see cref="GracefulStop"/>) lets live calls finish first.
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
        services.TryAddSingleton(sp => new TenantStandingQuery(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new PacingHistoryQuery(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new CampaignNotices(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<DatabaseHealth>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DialerOptions>>().Value;
            return new Outbox(Path.Combine(options.StateFolder, "outbox"), options.OutboxMaxRecords);
        });
        services.TryAddSingleton(sp => new DurableWriter(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ILogger<DurableWriter>>(),
            sp.GetRequiredService<DatabaseHealth>(), sp.GetRequiredService<Outbox>()));
        services.TryAddSingleton(sp => new DialerRuns(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DialerOptions>>().Value;
            return new DialerServices(
                sp.GetRequiredService<CampaignStore>(), sp.GetRequiredService<LeadHopper>(), sp.GetRequiredService<DurableWriter>(),
                sp.GetRequiredService<ITelephony>(), sp.GetRequiredService<TimeProvider>(), options,
                sp.GetRequiredService<IOptions<PacingOptions>>().Value, sp.GetRequiredService<TenantStandingQuery>(),
                sp.GetRequiredService<PacingHistoryQuery>(), sp.GetRequiredService<CampaignNotices>());
        });
        services.TryAddSingleton(sp => new RunRecovery(sp.GetRequiredService<DialerServices>(), sp.GetRequiredService<DialerRuns>(),
            new InterruptedWork(sp.GetRequiredService<NpgsqlDataSource>())));

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
                // At once, not when the cluster is up: closing a crashed run's work needs only the database (campaigns woken
                // meanwhile wait in the region until it is up).
                system.ActorOf(RunKeeperActor.Props(dialer, sp.GetRequiredService<DialerRuns>(), sp.GetRequiredService<RunRecovery>(), db, region), "run-keeper");
                Cluster.Get(system).RegisterOnMemberUp(() => _ = OnMemberUpAsync(system, region, dialer, demo, db, logger, sp));
            }));
        // Registered after Akka, so stopped before it: the calls finish while the actors still run.
        services.AddHostedService(sp => new DialerShutdown(new GracefulStop(sp.GetRequiredService<ActorSystem>(),
            sp.GetRequiredService<DialerServices>(), sp.GetRequiredService<DialerRuns>(), sp.GetRequiredService<ILogger<GracefulStop>>())));
        services.AddOptions<HostOptions>().Configure<IOptions<DialerOptions>>((host, dialer) =>
        {
            var needed = dialer.Value.DrainTimeout + TimeSpan.FromSeconds(45);
            if (host.ShutdownTimeout < needed) host.ShutdownTimeout = needed;
        });
        return builder;
    }

    private static async Task OnMemberUpAsync(ActorSystem system, IActorRef region, DialerServices dialer, DemoOptions demo,
        NpgsqlDataSource db, ILogger logger, IServiceProvider sp)
    {
        try
        {
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
                var bots = await BotsOfAsync(dialer, id, demo.Bots);
                for (var i = 1; i <= demo.BotsPerCampaign; i++)
                    system.ActorOf(BotAgentActor.Props(BotAgents.Id(code, i), id, region, dialer, bots), $"demo-{code}-bot{i}");
                var reply = await region.Ask<object>(new CampaignCommands.Start(id), TimeSpan.FromSeconds(30));
                logger.LogInformation("Demo campaign {Code} with {Bots} bot agents: {Reply}", code, demo.BotsPerCampaign, reply);
            }
            await StartInboundDemoAsync(system, region, dialer, demo, logger, sp);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Starting the demo failed");
        }
    }

    private static async Task<BotAgentOptions> BotsOfAsync(DialerServices dialer, CampaignId campaign, BotAgentOptions options) =>
        (await dialer.Campaigns.FindAsync(campaign)) is { } found ? options.For(found.Settings) : options;

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
        var bots = await BotsOfAsync(dialer, id, demo.Bots);
        for (var i = 1; i <= inbound.Bots; i++)
            system.ActorOf(BotAgentActor.Props(BotAgents.Id(inbound.Campaign, i), id, region, dialer, bots, queues.Directory), $"demo-{inbound.Campaign}-bot{i}");
        system.ActorOf(DemoCallerActor.Props(id, queues.Directory, carrier, inbound), $"demo-{inbound.Campaign}-callers");
        logger.LogInformation("Demo hotline {Code}: {Bots} bot agents, {Rate} callers a minute", inbound.Campaign, inbound.Bots, inbound.CallersPerMinute);
    }
}
