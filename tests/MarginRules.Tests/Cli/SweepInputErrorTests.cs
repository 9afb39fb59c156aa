namespace MarginRules.Tests.Cli;

/// <summary>Every bad input of <c>marginrules sweep</c> is one line on stderr, with the column of a bad range, and exit code 2.</summary>
public sealed class SweepInputErrorTests : IDisposable
{
    private readonly SimulateTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private void ShouldFail(string expected, params string[] options)
    {
        var (code, output, error) = SimulateTestFiles.Run(["sweep", _files.VenuePath, "--market", _files.MarketPath, .. options]);
        error.ShouldBe(expected + "\n");
        output.ShouldBe(string.Empty);
        code.ShouldBe(2);
    }

    // Columns count from 1 in the range as typed.
    [Theory]
    [InlineData("BTC-5%..-50%/5%", "column 1: expected `=`; write a range as NAME=start..end/step, as in `BTC=-5%..-50%/5%`")]
    [InlineData("=-5%..-50%/5%", "column 1: expected a name before `=`")]
    [InlineData("BTC=-5%-50%/5%", "column 5: expected `start..end/step` after `=`, as in `BTC=-5%..-50%/5%`")]
    [InlineData("BTC=-5%..-50%", "column 14: expected `/step` after the end of the range, as in `BTC=-5%..-50%/5%`")]
    [InlineData("BTC=-5x%..-50%/5%", "column 5: bad number `-5x%`; expected a percentage such as `-5%`")]
    [InlineData("BTC=-5..-50%/5%", "column 5: `-5` needs a `%` sign; a move is a percentage such as `-5%`")]
    [InlineData("BTC=..-50%/5%", "column 5: expected a percentage such as `-5%`")]
    [InlineData("BTC=-5%..-50%/0%", "column 15: the step must be positive; the points run from the start towards the end")]
    [InlineData("BTC=-5%..-100%/5%", "column 10: a move must be above -100%")]
    [InlineData("BTC=-0.001%..-50%/0.001%", "column 19: the range has 50000 points; a sweep takes at most 1000")]
    [InlineData("BTX=-5%..-50%/5%", "column 1: unknown asset `BTX`; did you mean `BTC`?")]
    public void A_bad_shock_range_names_the_column(string range, string problem) =>
        ShouldFail($"error: --shock-range `{range}`: {problem}", "--shock-range", range);

    [Theory]
    [InlineData("liquidation_fee=1%..2 USD/1%", "column 21: the end is in `USD` but the start in `%`; give both in the same unit")]
    [InlineData("liquidation_fee=1%..2%/1 USD", "column 24: the step is in `USD` but the range in `%`")]
    [InlineData("liquidation_fe=1%..2%/1%", "column 1: no venue's policy has a parameter `liquidation_fe`; did you mean `liquidation_fee`?")]
    [InlineData("liquidation_fee=1 USD..2 USD/1 USD", "column 17: parameter `liquidation_fee` is ratio; the override `1 USD` is not")]
    public void A_bad_parameter_range_names_the_column(string range, string problem) =>
        ShouldFail($"error: --param-range `{range}`: {problem}", "--param-range", range, "--shock", "BTC=-10%");

    [Fact]
    public void A_range_is_required() =>
        ShouldFail("error: give either --shock-range or --param-range");

    [Fact]
    public void Only_one_range_is_allowed() =>
        ShouldFail("error: give either --shock-range or --param-range", "--shock-range", "BTC=-5%..-10%/5%", "--param-range", "liquidation_fee=1%..2%/1%");

    [Fact]
    public void A_shock_sweep_takes_no_shock() =>
        ShouldFail("error: --shock is for --param-range sweeps; a shock sweep takes its moves from --shock-range", "--shock-range", "BTC=-5%..-10%/5%", "--shock", "BTC=-1%");

    [Fact]
    public void A_parameter_sweep_needs_a_shock() =>
        ShouldFail("error: --shock is required", "--param-range", "liquidation_fee=1%..2%/1%");

    [Fact]
    public void The_shock_of_a_parameter_sweep_names_the_column_of_an_unknown_asset() =>
        ShouldFail("error: --shock `ETH=-10%`: column 1: unknown asset `ETH`; known assets: BTC", "--param-range", "liquidation_fee=1%..2%/1%", "--shock", "ETH=-10%");

    [Fact]
    public void The_jump_threshold_must_be_a_number() =>
        ShouldFail("error: --tip-jump takes a number of 0 or more, such as 0.1, not `big`", "--shock-range", "BTC=-5%..-10%/5%", "--tip-jump", "big");
}
