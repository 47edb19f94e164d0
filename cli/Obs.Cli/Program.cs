using Obs.Cli;
using Obs.Cli.Hosting;

return await ObsCommandLine.InvokeAsync(args, CliConsole.FromProcess()).ConfigureAwait(false);
