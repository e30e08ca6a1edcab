return await Monitor.Host.Cli.MonitorCli.RunAsync(args);
