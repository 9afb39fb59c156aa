using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MarginRules.Cli;

/// <summary>Expands the files and folders given on the command line into policy files.</summary>
internal static class PolicyFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments, string pattern = "*.margin")
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument, pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new UsageException($"{argument}: error: the folder holds no {pattern} files");
                files.AddRange(found);
            }
            else if (File.Exists(argument)) files.Add(argument);
            else throw new UsageException($"{argument}: error: no such file or folder");
        }

        if (files.Count == 0) throw new UsageException("error: name at least one file or folder");
        return files;
    }
}
