namespace MarginRules.Benchmarks.Contestants;

/// <summary>The contestants the quick mode times and the start-up check compares, the baseline first.</summary>
public static class ContestantRoster
{
    /// <summary>Creates one fresh instance of every contestant; a new contestant is one class plus one line here.</summary>
    public static IReadOnlyList<ITieredMarginContestant> Create() =>
    [
        new HandWrittenContestant(),
        new MarginRulesContestant(reference: false),
        new MarginRulesContestant(reference: true),
        new DynamicExpressoContestant(),
        new DynamicExpressoInlineLookupContestant(),
        new NCalcContestant(),
        new RulesEngineContestant(),
    ];
}
