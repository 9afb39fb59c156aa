using BenchmarkDotNet.Attributes;
using MarginRules.Accounts;
using MarginRules.Benchmarks.Contestants;
using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks;

/// <summary>
/// BenchmarkDotNet run of every contestant on the five-position account, the hand-written rule as the baseline.
/// Not sealed: BenchmarkDotNet rejects sealed benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class TieredMarginBenchmarks
{
    private readonly Account _account = BenchmarkCases.FivePositions.Account;
    private readonly Market _market = BenchmarkCases.FivePositions.Market;

    private HandWrittenContestant _handWritten = null!;
    private MarginRulesContestant _compiled = null!;
    private MarginRulesContestant _treeWalker = null!;
    private DynamicExpressoContestant _dynamicExpresso = null!;
    private DynamicExpressoInlineLookupContestant _dynamicExpressoInlineLookup = null!;
    private NCalcContestant _nCalc = null!;
    private RulesEngineContestant _rulesEngine = null!;

    /// <summary>Builds the contestants and refuses to time any that disagrees with the baseline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _handWritten = new HandWrittenContestant();
        _compiled = new MarginRulesContestant(reference: false);
        _treeWalker = new MarginRulesContestant(reference: true);
        _dynamicExpresso = new DynamicExpressoContestant();
        _dynamicExpressoInlineLookup = new DynamicExpressoInlineLookupContestant();
        _nCalc = new NCalcContestant();
        _rulesEngine = new RulesEngineContestant();
        ContestantAgreement.Verify([_handWritten, _compiled, _treeWalker, _dynamicExpresso, _dynamicExpressoInlineLookup, _nCalc, _rulesEngine]);
    }

    /// <summary>The rule written directly in C#.</summary>
    [Benchmark(Baseline = true)]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) HandWritten() => _handWritten.Evaluate(_account, _market);

    /// <summary>The MarginRules policy compiled to an expression tree.</summary>
    [Benchmark]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) MarginRulesCompiled() => _compiled.Evaluate(_account, _market);

    /// <summary>The MarginRules policy walked by the reference evaluator.</summary>
    [Benchmark]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) MarginRulesTreeWalker() => _treeWalker.Evaluate(_account, _market);

    /// <summary>DynamicExpresso's compiled delegate per position.</summary>
    [Benchmark]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) DynamicExpresso() => _dynamicExpresso.Evaluate(_account, _market);

    /// <summary>DynamicExpresso's compiled delegate per position, calling the bracket lookup from inside the expression.</summary>
    [Benchmark]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) DynamicExpressoInlineLookup() => _dynamicExpressoInlineLookup.Evaluate(_account, _market);

    /// <summary>NCalc's parsed expression evaluated per position.</summary>
    [Benchmark]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) NCalc() => _nCalc.Evaluate(_account, _market);

    /// <summary>RulesEngine's workflow executed per account.</summary>
    [Benchmark]
    public (decimal Maintenance, decimal Equity, bool Liquidatable) RulesEngine() => _rulesEngine.Evaluate(_account, _market);
}
