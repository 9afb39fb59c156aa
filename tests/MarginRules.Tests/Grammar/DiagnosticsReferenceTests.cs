using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Tests.Grammar;

/// <summary>
/// docs/diagnostics.md documents every code, under its stage, with the descriptor's severity and message, and every
/// example reports exactly the diagnostics printed after it.
/// </summary>
public sealed class DiagnosticsReferenceTests
{
    private const string DocumentPath = "docs/diagnostics.md";

    // These codes cannot come from a short policy text: MR0005 and MR0006 need hundreds of brackets or 16 Mi
    // characters, MR0111 and MR0213 need parameter overrides from the host; their sections show the output instead.
    private static readonly string[] CodesWithoutPolicyExample = ["MR0005", "MR0006", "MR0111", "MR0213"];

    public static TheoryData<string> Codes()
    {
        var codes = new TheoryData<string>();
        foreach (var descriptor in DiagnosticDescriptors.All) codes.Add(descriptor.Id);
        return codes;
    }

    [Fact]
    public void Sections_are_exactly_the_codes()
    {
        var headings = MarkdownDocument.Load(DocumentPath).Headings.Where(h => h.Text.StartsWith("MR0", StringComparison.Ordinal) && h.Level == 3);

        headings.Select(h => h.Text).ShouldBe(DiagnosticDescriptors.All.Select(d => $"{d.Id}: {d.Title}"));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Section_states_severity_and_message_under_its_stage(string code)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == code);
        var document = MarkdownDocument.Load(DocumentPath);
        var heading = document.Headings.Single(h => h.Text == $"{descriptor.Id}: {descriptor.Title}");
        var section = document.SectionText(heading);
        var severity = descriptor.Severity.ToString().ToLowerInvariant();

        section.ShouldContain($"**Severity:** {severity} · **Message:** ");
        section.ShouldContain(descriptor.MessageFormat);
        document.EnclosingHeading(heading.Line, 2)!.Text.ShouldStartWith($"MR0{(int)descriptor.Stage}xx:");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Examples_report_exactly_the_documented_output(string code)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == code);
        var document = MarkdownDocument.Load(DocumentPath);
        var heading = document.Headings.Single(h => h.Text == $"{descriptor.Id}: {descriptor.Title}");
        var examples = document.BlocksIn(heading).Where(b => b.Language == "margin").ToList();

        if (CodesWithoutPolicyExample.Contains(code))
        {
            examples.ShouldBeEmpty();
            document.BlocksIn(heading).ShouldContain(b => b.Language == "text" && b.Text.Contains($" {code}: ", StringComparison.Ordinal));
            return;
        }

        examples.ShouldNotBeEmpty();
        foreach (var example in examples)
        {
            var output = document.BlockAfter(example);
            output.ShouldNotBeNull();
            output.Language.ShouldBe("text", $"the block after the example at {example} shows its output");

            var reported = PolicyChecker.Check(example.Text, "example.margin").Diagnostics.Select(d => d.ToString()).ToArray();

            reported.ShouldBe(output.Lines, $"example at {example}");
            reported.ShouldContain(line => line.Contains($" {code}: ", StringComparison.Ordinal));
        }
    }
}
