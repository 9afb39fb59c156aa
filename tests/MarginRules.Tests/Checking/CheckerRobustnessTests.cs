using CsCheck;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Checking;

/// <summary>
/// The checker never throws, whatever it is given, and every diagnostic it reports points inside the text and
/// can be rendered.
/// </summary>
public sealed class CheckerRobustnessTests
{
    private static readonly string[] Examples =
    [
        TestData.ExamplePolicy("aave-v3.margin"),
        TestData.ExamplePolicy("binance-btcusdt.margin"),
        TestData.ExamplePolicy("regt-finra-4210.margin"),
    ];

    [Fact]
    public void Every_golden_input_renders_without_throwing()
    {
        foreach (var golden in CheckDiagnosticGoldenTests.Cases())
        {
            var text = golden.BuildInput();
            var result = PolicyChecker.Check(text, "case.margin");

            var rendered = DiagnosticRenderer.Render(result.Diagnostics, new SourceText(text, "case.margin"));

            foreach (var d in result.Diagnostics) rendered.ShouldContain(d.ToString(), customMessage: golden.Name);
        }
    }

    [Fact]
    public void Random_token_soup_never_throws_and_keeps_spans_inside_the_text()
    {
        PolicyFuzz.TokenSoup(80).Sample(AssertCheckedSafely, iter: 300, print: text => text);
    }

    [Fact]
    public void Mutated_example_policies_never_throw_and_keep_spans_inside_the_text()
    {
        PolicyFuzz.Mutated(Examples).Sample(AssertCheckedSafely, iter: 300, print: text => text);
    }

    private static void AssertCheckedSafely(string text)
    {
        var result = PolicyChecker.Check(text, "fuzz.margin");
        var source = new SourceText(text, "fuzz.margin");

        foreach (var d in result.Diagnostics)
        {
            d.Span.Start.ShouldBeGreaterThanOrEqualTo(0, d.ToString());
            d.Span.Length.ShouldBeGreaterThanOrEqualTo(0, d.ToString());
            d.Span.End.ShouldBeLessThanOrEqualTo(text.Length, d.ToString());
            DiagnosticRenderer.Render(d, source).ShouldStartWith(d.ToString());
        }

        // A policy is handed out exactly when there are no errors.
        (result.Policy == null).ShouldBe(result.HasErrors);
    }
}
