using System.Runtime.CompilerServices;

namespace MarginRules.Tests.Grammar;

/// <summary>Locates files of the repository from the source tree, so the tests read the documents as committed.</summary>
internal static class RepositoryFile
{
    /// <summary>The absolute path of <paramref name="relativePath"/>, given from the repository root with `/` separators.</summary>
    public static string PathOf(string relativePath) =>
        Path.GetFullPath(Path.Combine(Root(), relativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>The text of a repository file.</summary>
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    // This file lives in tests/MarginRules.Tests/Grammar, three levels below the root.
    private static string Root([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..");
}
