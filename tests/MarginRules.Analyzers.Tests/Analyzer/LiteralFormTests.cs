using MarginRules.Analyzers.Tests.Infrastructure;

namespace MarginRules.Analyzers.Tests.Analyzer;

/// <summary>
/// One policy with an error, a warning, an info and a misspelled name, embedded in each form of C# string; the markup
/// marks the characters each diagnostic must point at inside the literal.
/// </summary>
public sealed class LiteralFormTests
{
    private static string Host(string argument) => $$"""
        using MarginRules;

        class Host
        {
            void Run()
            {
                MarginPolicy.Compile({{argument}});
            }
        }
        """;

    [Fact]
    public async Task Regular_literal_with_escapes()
    {
        // \" \n \t, \u00e9 (6 characters for one) and \U0001F600 (10 characters for a surrogate pair) all come before
        // the diagnostics, and the misspelled name itself contains \u006F ("o").
        var source = Host("""
            "policy \"p\" currency USD\n# \U0001F600 caf\u00e9\tnote\nparam {|#0:unused|}: ratio = {|#1:0.25|}\nequity = account.wallet {|#2:+|} 25%\nmaintenance = {|#3:acc\u006Funtt|}.wallet\n"
            """);
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.FourKinds());
    }

    [Fact]
    public async Task Verbatim_literal_with_doubled_quotes()
    {
        var source = Host("""
            @"policy ""p"" currency USD
            # note ""quoted""
            param {|#0:unused|}: ratio = {|#1:0.25|}
            equity = account.wallet {|#2:+|} 25%
            maintenance = {|#3:accountt|}.wallet
            "
            """);
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.FourKinds());
    }

    [Fact]
    public async Task Single_line_raw_literal()
    {
        var source = Host("""""
            """policy "p" currency USD param {|#0:unused|}: ratio = {|#1:0.25|} equity = account.wallet {|#2:+|} 25% maintenance = {|#3:accountt|}.wallet"""
            """"");
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.FourKinds());
    }

    [Fact]
    public async Task Multi_line_raw_literal_with_indentation()
    {
        // The closing quotes are indented 12 spaces: that much is cut from every line, the blank line included.
        var source = Host(""""
            """
                        policy "p" currency USD

                          param {|#0:unused|}: ratio = {|#1:0.25|}
                        equity = account.wallet {|#2:+|} 25%
                        maintenance = {|#3:accountt|}.wallet
                        """
            """");
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.FourKinds());
    }

    [Fact]
    public async Task Concatenation_of_literals_of_different_forms()
    {
        var source = Host(""""
            "policy \"p\" currency USD\n" +
                    @"param {|#0:unused|}: ratio = {|#1:0.25|}
            " + """equity = account.wallet {|#2:+|} 25%""" + "\n" +
                    ("maintenance = " + "{|#3:accountt|}.wallet")
            """");
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.FourKinds());
    }

    [Fact]
    public async Task Const_local_and_const_field_are_followed_to_their_declarations()
    {
        const string source = """
            using MarginRules;

            class Host
            {
                private const string Header = "policy \"p\" currency USD\nparam {|#0:unused|}: ratio = {|#1:0.25|}\n";

                void Run()
                {
                    const string body = "equity = account.wallet {|#2:+|} 25%\nmaintenance = {|#3:accountt|}.wallet";
                    MarginPolicy.Compile(Header + body);
                }
            }
            """;
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.FourKinds());
    }

    [Fact]
    public async Task Interpolated_constant_points_at_the_whole_string()
    {
        // A constant interpolation ($"" with only constant holes) is checked, but its characters are not mapped.
        const string source = """
            using MarginRules;

            class Host
            {
                private const string Currency = "USD";

                void Run()
                {
                    MarginPolicy.Compile({|#0:$"policy \"p\" currency {Currency} equity = account.wallet + 25% maintenance = 0"|});
                }
            }
            """;
        await PolicyAnalyzerTest.VerifyAsync(source, Expect.Diagnostic("MR0203", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, 0, "cannot add ratio to money"));
    }
}
