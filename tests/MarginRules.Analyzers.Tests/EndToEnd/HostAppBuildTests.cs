using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using MarginRules.Analyzers.Tests.Infrastructure;

namespace MarginRules.Analyzers.Tests.EndToEnd;

/// <summary>
/// Builds a copy of examples/HostApp with a real `dotnet build`, the way a user's build loads the analyzer: unit tests
/// with the testing library cannot see an analyzer that fails to load in the compiler (AD0001, CS8032).
/// </summary>
public sealed class HostAppBuildTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

    private static readonly Regex ErrorLine = new(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): error (?<id>MR\d{4}): (?<message>.+?) \(docs/rules/MR\d{4}\.md\)", RegexOptions.Multiline);

    [Fact]
    public void Build_reports_policy_errors_at_their_exact_positions()
    {
        var work = Directory.CreateTempSubdirectory("marginrules-hostapp-");
        try
        {
            CopyHostApp(work.FullName);

            // (a) a unit mismatch inside the raw string literal passed to MarginPolicy.Compile.
            var program = Path.Combine(work.FullName, "Program.cs");
            var mismatch = Inject(program, "equity = account.wallet + long_value - loan", "equity = account.wallet + long_value - loan + 5%", "+ 5%");

            // (b) a misspelled name in the .margin additional file.
            var margin = Path.Combine(work.FullName, "policies", "house.margin");
            var misspelling = Inject(margin, "maintenance = long_value * house_rate", "maintenance = long_valeu * house_rate", "long_valeu");

            var (exitCode, output) = Build(work.FullName);

            exitCode.ShouldNotBe(0, output);
            output.ShouldNotContain("AD0001", customMessage: output);
            output.ShouldNotContain("CS8032", customMessage: output);
            var errors = ErrorLine.Matches(output)
                .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value), Column: int.Parse(m.Groups["column"].Value), Id: m.Groups["id"].Value, Message: m.Groups["message"].Value))
                .Distinct()
                .OrderBy(e => e.File, StringComparer.Ordinal)
                .ToArray();

            // Expected positions come from searching the files the test wrote: the `+` before `5%`, and `long_valeu`.
            errors.ShouldBe(
            [
                ("Program.cs", mismatch.Line, mismatch.Column, "MR0203", "cannot add ratio to money"),
                ("house.margin", misspelling.Line, misspelling.Column, "MR0101", "unknown name `long_valeu`"),
            ], output);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void CopyHostApp(string destination)
    {
        var source = RepositoryRoot.Combine("examples", "HostApp");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj") continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Replaces <paramref name="original"/> and returns the one-based line and column of <paramref name="marker"/>.</summary>
    private static (int Line, int Column) Inject(string path, string original, string replacement, string marker)
    {
        var text = File.ReadAllText(path);
        text.ShouldContain(original);
        text = text.Replace(original, replacement, StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(replacement, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(marker, StringComparison.Ordinal) + 1);
    }

    private static (int ExitCode, string Output) Build(string directory)
    {
        // The referenced projects were built with this test project; BuildProjectReferences=false uses their outputs.
        var configuration = typeof(HostAppBuildTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "build", Path.Combine(directory, "HostApp.csproj"), "-c", configuration, "-nologo", "-v:minimal", "-clp:NoSummary",
            "-p:MarginRulesSource=" + RepositoryRoot.Combine("src") + Path.DirectorySeparatorChar, "-p:BuildProjectReferences=false",

            // Build servers would inherit the output pipes and keep them open after the build ends.
            "--disable-build-servers",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Variables the test host inherited from an outer MSBuild would steer the inner build to other SDK paths.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build took longer than {BuildTimeout}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
