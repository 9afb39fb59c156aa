using System.IO;
using MarginRules.Data;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// Reads the simulation files (markets, venues) into <see cref="DataNode"/> trees, the data loaders' own, so every error
/// names the file, line and column the way the data loaders do.
/// </summary>
internal static class JsonFile
{
    /// <summary>Reads and parses a file; a missing file is a usage error naming it.</summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not well-formed JSON.</exception>
    public static DataNode Load(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: error: no such file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses strict JSON text (no comments, no trailing commas, one value); <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">The text is not well-formed JSON.</exception>
    public static DataNode Parse(string text, string path) => DataTree.Parse(new DataSource(text, path));
}
