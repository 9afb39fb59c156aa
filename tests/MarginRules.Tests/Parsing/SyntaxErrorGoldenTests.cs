using System.Runtime.CompilerServices;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;

namespace MarginRules.Tests.Parsing;

/// <summary>Runs every case of <c>syntax-errors.txt</c>: the diagnostics must match exactly, in order.</summary>
public sealed class SyntaxErrorGoldenTests
{
    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in SyntaxErrorCase.ReadAll(GoldenFile())) names.Add(c.Name);
        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Reports_exactly_the_expected_diagnostics(string name)
    {
        var golden = SyntaxErrorCase.ReadAll(GoldenFile()).Single(c => c.Name == name);

        var tree = SyntaxTree.Parse(golden.BuildInput(), "case.margin");

        DiagnosticLine.Of(tree).ShouldBe(golden.Expected);
    }

    [Fact]
    public void Case_names_are_unique()
    {
        var names = SyntaxErrorCase.ReadAll(GoldenFile()).Select(c => c.Name).ToList();

        names.ShouldBeUnique();
    }

    [Fact]
    public void Golden_file_covers_every_syntax_code()
    {
        // The syntax stage owns MR0001-MR0008 (DiagnosticDescriptors, "MR00xx: syntax").
        var syntaxCodes = DiagnosticDescriptors.All.Where(d => d.Stage == DiagnosticStage.Syntax).Select(d => d.Id).ToArray();
        var covered = SyntaxErrorCase.ReadAll(GoldenFile())
            .SelectMany(c => c.Expected)
            .Select(line => line.Split(": ")[1])
            .ToHashSet();

        syntaxCodes.ShouldBe(new[] { "MR0001", "MR0002", "MR0003", "MR0004", "MR0005", "MR0006", "MR0007", "MR0008" });
        syntaxCodes.Where(code => !covered.Contains(code)).ShouldBeEmpty();
    }

    private static string GoldenFile([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "syntax-errors.txt");
}
