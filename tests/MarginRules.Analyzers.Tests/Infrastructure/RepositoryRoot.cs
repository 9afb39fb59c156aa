namespace MarginRules.Analyzers.Tests.Infrastructure;

/// <summary>Finds the repository checkout the tests were built from.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MarginRules.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no MarginRules.sln above {AppContext.BaseDirectory}");
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
