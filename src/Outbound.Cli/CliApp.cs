using Outbound.Cli.Commands;

namespace Outbound.Cli;

/// <summary>
/// The <c>outbound</c> command. Thin: each verb parses its arguments and calls the feature that does
/// the work. With <c>--json</c> a verb prints exactly one JSON value on stdout; everything else goes to stderr.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verbs = new Dictionary<string, Func<CliArgs, Task<int>>>
        {
            ["db migrate"] = DbCommands.MigrateAsync,
            ["bench pacing"] = BenchPacingCommand.RunAsync,
            ["demo seed"] = DemoCommands.SeedAsync,
            ["lists import"] = ListsCommands.ImportAsync,
            ["collections repayments"] = CollectionsCommands.RepaymentsAsync,
            ["bench lists"] = BenchListsCommand.RunAsync,
            ["assessment rules"] = AssessmentCommands.RulesAsync,
            ["assessment settle"] = AssessmentCommands.SettleAsync,
            ["assessment statement"] = AssessmentCommands.StatementAsync,
            ["assessment detect"] = AssessmentCommands.DetectAsync,
            ["bench sip"] = BenchSipCommand.RunAsync,
            ["bench sip-soak"] = BenchSipSoakCommand.RunAsync,
            ["bench media"] = BenchMediaCommand.RunAsync,
            ["report contract"] = ReportCommands.ContractAsync,
            ["report statement"] = ReportCommands.StatementAsync,
            ["report performance"] = ReportCommands.PerformanceAsync,
            ["billing check"] = ReportCommands.BillingCheckAsync,
            ["bench acd"] = BenchAcdCommand.RunAsync,
            ["bench wallboard"] = BenchWallboardCommand.RunAsync,
            ["bench hopper"] = BenchHopperCommand.RunAsync,
            ["qa sample"] = QaCommands.SampleAsync,
            ["bench qa"] = BenchQaCommand.RunAsync,
            ["tickets bench"] = TicketsBenchCommand.RunAsync,
            ["kb bench"] = KbBenchCommand.RunAsync,
            ["sip b2bua"] = SipB2buaCommand.RunAsync,
            ["wfm erlang"] = WfmCommands.ErlangAsync,
            ["wfm schedule"] = WfmCommands.ScheduleAsync,
            ["bench wfm"] = BenchWfmCommand.RunAsync,
        };
        var key = args.Length >= 2 ? $"{args[0]} {args[1]}" : string.Join(' ', args);
        if (!verbs.TryGetValue(key, out var verb))
        {
            Console.Error.WriteLine("usage: outbound <verb> [options]\nverbs:\n  " + string.Join("\n  ", verbs.Keys.Order()));
            return 2;
        }
        try
        {
            return await verb(CliArgs.Parse(args.Skip(2)));
        }
        catch (CliUsageException e)
        {
            Console.Error.WriteLine($"outbound {key}: {e.Message}");
            return 2;
        }
        catch (Outbound.Reports.Pdf.ReportFontMissingException e)
        {
            Console.Error.WriteLine($"outbound {key}: {e.Message}");
            return 1;
        }
    }
}
