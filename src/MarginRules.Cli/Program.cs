using MarginRules.Cli;

return CliApp.Run(args);
