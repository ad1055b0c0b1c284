return await Outbound.Cli.CliApp.RunAsync(args);
