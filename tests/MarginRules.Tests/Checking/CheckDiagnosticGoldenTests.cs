using System.Reflection;
using System.Runtime.CompilerServices;
using MarginRules.Language.Diagnostics;
using MarginRules.Tests.Parsing;

namespace MarginRules.Tests.Checking;

/// <summary>Runs every case of <c>check-diagnostics.txt</c>: the checker's diagnostics must match exactly, in order, help lines included.</summary>
public sealed class CheckDiagnosticGoldenTests
{
    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases()) names.Add(c.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_exactly_the_expected_diagnostics(string name)
    {
        var golden = Cases().Single(c => c.Name == name);

        var lines = CheckLines.Check(golden.BuildInput());

        lines.ShouldBe(golden.Expected);
    }

    [Fact]
    public void Case_names_are_unique()
    {
        Cases().Select(c => c.Name).ToList().ShouldBeUnique();
    }

    [Fact]
    public void Every_checker_code_has_a_golden_case_or_a_named_test()
    {
        // The checker owns every code from MR0101 on (DiagnosticDescriptors: names, units, tables, lints).
        var checkerCodes = DiagnosticDescriptors.All
            .Where(d => string.CompareOrdinal(d.Id, "MR0101") >= 0)
            .Select(d => d.Id)
            .ToArray();
        var covered = GoldenCodes().Concat(NamedTestCodes()).ToHashSet();

        // 12 name codes (MR0101-MR0112), 14 unit codes (MR0201-MR0214), 11 table codes (MR0301-MR0311) and
        // 9 lints (MR0401-MR0409) when this test was written; a new code makes the list longer, not the test pass.
        checkerCodes.Length.ShouldBeGreaterThanOrEqualTo(46);
        checkerCodes.Where(code => !covered.Contains(code)).ShouldBeEmpty();
    }

    [Fact]
    public void Codes_claimed_by_named_tests_exist()
    {
        var known = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet();

        NamedTestCodes().Where(code => !known.Contains(code)).ShouldBeEmpty();
    }

    internal static IReadOnlyList<SyntaxErrorCase> Cases() => SyntaxErrorCase.ReadAll(GoldenFile());

    private static IEnumerable<string> GoldenCodes() =>
        Cases().SelectMany(c => c.Expected)
            .Where(line => !line.StartsWith(CheckLines.HelpPrefix, StringComparison.Ordinal))
            .Select(line => line.Split(": ")[1]);

    private static IEnumerable<string> NamedTestCodes() =>
        typeof(CheckDiagnosticGoldenTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .SelectMany(m => m.GetCustomAttributes<CoversDiagnosticAttribute>())
            .Select(a => a.Id);

    private static string GoldenFile([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "check-diagnostics.txt");
}
