using System.Globalization;
using System.Text;

namespace MarginRules.Benchmarks.Parsing;

/// <summary>
/// The `analyzer-host &lt;dir&gt; &lt;N&gt;` mode: writes a console project with N <c>MarginPolicy.Compile("""…""")</c>
/// calls on 16-line policies (ten per file), so the analyzer's share of the build can be measured with
/// <c>dotnet build --no-incremental -p:ReportAnalyzer=true -v:d</c>, and without it by adding <c>-p:MarginRulesAnalyzer=false</c>.
/// </summary>
public static class AnalyzerHostProject
{
    private const int PoliciesPerFile = 10;

    /// <summary>Writes the project; returns the exit code.</summary>
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            Console.Error.WriteLine("usage: analyzer-host <dir> <N>, where N is a positive whole number of policies");
            return 2;
        }

        var source = FindSource();
        if (source == null)
        {
            Console.Error.WriteLine("run this from inside the MarginRules checkout: src/MarginRules was not found above the current directory");
            return 2;
        }

        var dir = Path.GetFullPath(args[0]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "AnalyzerHost.csproj"), Project(source));
        File.WriteAllText(Path.Combine(dir, "Program.cs"), "Console.WriteLine(AnalyzerHost.Policies0.All().Length);\n");
        for (var file = 0; file * PoliciesPerFile < count; file++)
            File.WriteAllText(Path.Combine(dir, $"Policies{file}.cs"), PolicyFile(file, Math.Min(PoliciesPerFile, count - file * PoliciesPerFile)));
        Console.WriteLine($"wrote {count} policies to {dir}");
        return 0;
    }

    private static string? FindSource()
    {
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "src", "MarginRules", "MarginRules.csproj")))
                return Path.Combine(d.FullName, "src") + Path.DirectorySeparatorChar;
        }

        return null;
    }

    private static string Project(string source) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <IsPackable>false</IsPackable>
            <MarginRulesAnalyzer Condition="'$(MarginRulesAnalyzer)' == ''">true</MarginRulesAnalyzer>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{source}MarginRules/MarginRules.csproj" />
            <ProjectReference Include="{source}MarginRules.Analyzers/MarginRules.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'$(MarginRulesAnalyzer)' == 'true'" />
          </ItemGroup>
        </Project>

        """;

    private static string PolicyFile(int file, int count)
    {
        var b = new StringBuilder();
        b.Append("using MarginRules;\n\nnamespace AnalyzerHost;\n\n");
        b.Append(CultureInfo.InvariantCulture, $"public static class Policies{file}\n{{\n");
        b.Append("    public static MarginPolicy[] All() => new[]\n    {\n");
        for (var i = 0; i < count; i++)
        {
            var policy = GeneratedPolicies.Small(file * PoliciesPerFile + i).Replace("\n", "\n            ", StringComparison.Ordinal);
            b.Append("        MarginPolicy.Compile(\"\"\"\n            ").Append(policy).Append("\n            \"\"\"),\n");
        }

        b.Append("    };\n}\n");
        return b.ToString();
    }
}
