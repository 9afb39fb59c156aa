using System;
using System.IO;
using MarginRules.Cli;

return CliApp.Run(args, Console.Out, Console.Error);
