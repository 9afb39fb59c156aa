using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;

namespace MarginRules;

/// <summary>
/// A compiled margin policy: immutable and safe to share between threads. Compile it once from policy text, then
/// evaluate any number of accounts.
/// </summary>
public sealed class MarginPolicy
{
    private readonly PolicyProgram _program;
    private Evaluation.HealthCertifier? _certifier;
    private readonly ReferenceProgram _reference;

    private MarginPolicy(BoundPolicy policy, IReadOnlyList<Diagnostic> diagnostics, bool useReference)
    {
        Checked = policy;
        Diagnostics = diagnostics;
        var layout = new FrameLayout(policy);
        _reference = new ReferenceProgram(policy, layout);
        _program = useReference ? _reference : ProgramFactory.Create(policy, layout);
        BuysIn = policy.Liquidations.Any(r => r.Collection == CollectionKind.Debts);
    }

    /// <summary>The policy's name from its header.</summary>
    public string Name => Checked.Name;

    /// <summary>The policy's version, if declared.</summary>
    public string? Version => Checked.Version;

    /// <summary>The quote currency, if declared.</summary>
    public string? Currency => Checked.Currency;

    /// <summary>The checked policy tree.</summary>
    public BoundPolicy Checked { get; }

    /// <summary>The warnings and infos the checker reported (a compiled policy has no errors).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Compiles policy text.</summary>
    /// <param name="text">The policy text.</param>
    /// <param name="path">The file name shown in diagnostics.</param>
    /// <param name="options">Parameter overrides and other options.</param>
    /// <exception cref="PolicyCompilationException">The policy has errors; the exception carries every diagnostic.</exception>
    public static MarginPolicy Compile([MarginPolicySyntax] string text, string? path = null, CompileOptions? options = null) =>
        TryCompile(text, out var policy, out var diagnostics, path, options) ? policy! : throw new PolicyCompilationException(diagnostics);

    /// <summary>Compiles policy text, returning the diagnostics instead of throwing.</summary>
    /// <returns>True when the policy compiled.</returns>
    public static bool TryCompile([MarginPolicySyntax] string text, out MarginPolicy? policy, out IReadOnlyList<Diagnostic> diagnostics, string? path = null, CompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CompileOptions();
        var result = PolicyChecker.Check(text, path, options.Parameters);
        diagnostics = result.Diagnostics;
        var failed = result.Policy == null || (options.WarningsAsErrors && diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning));
        policy = failed ? null : new MarginPolicy(result.Policy!, diagnostics, options.UseReferenceEvaluator);
        return !failed;
    }

    /// <summary>The policy's health certifier, built on first use and shared by every cascade run (it is immutable).</summary>
    internal Evaluation.HealthCertifier Certifier =>
        System.Threading.LazyInitializer.EnsureInitialized(ref _certifier, () => new Evaluation.HealthCertifier(Checked));

    /// <summary>Creates a frame for <see cref="Assess"/>; use one per thread.</summary>
    public EvaluationFrame CreateFrame() => _program.CreateFrame();

    /// <summary>
    /// Evaluates an account into a reusable frame and returns its status, allocating nothing. The engine's hot path;
    /// <see cref="Evaluate"/> builds the full assessment.
    /// </summary>
    /// <exception cref="PolicyEvaluationException">The account cannot be evaluated; the error names the failing expression.</exception>
    public MarginStatus Assess(Account account, Market market, EvaluationFrame frame)
    {
        Run(account, market, frame);
        return frame.RuleIndex >= 0 ? MarginStatus.Liquidatable : frame.CallTriggered ? MarginStatus.MarginCall : MarginStatus.Healthy;
    }

    /// <summary>Evaluates an account: equity, requirements, exported values, status, margin call and liquidation.</summary>
    /// <exception cref="PolicyEvaluationException">The account cannot be evaluated; the error names the failing expression.</exception>
    public MarginAssessment Evaluate(Account account, Market market)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        var frame = _program.CreateFrame();
        var status = Assess(account, market, frame);
        return Guard(account, market, () => Build(_program, account, market, frame, status));
    }

    /// <summary>Evaluates with the reference evaluator and returns every named value with its source position.</summary>
    /// <exception cref="PolicyEvaluationException">The account cannot be evaluated; the error names the failing expression.</exception>
    public EvaluationTrace Explain(Account account, Market market)
    {
        var trace = new List<(string, LetSymbol, object)>();
        var layout = new FrameLayout(Checked);
        var program = new ReferenceProgram(Checked, layout, trace);
        var frame = program.CreateFrame();
        program.Run(account, market, frame);
        var status = frame.RuleIndex >= 0 ? MarginStatus.Liquidatable : frame.CallTriggered ? MarginStatus.MarginCall : MarginStatus.Healthy;
        var entries = trace.ToArray();

        // Sizing a `restore` liquidation re-runs the policy on trial accounts; those runs are not part of the trace.
        var assessment = Build(_reference, account, market, frame, status);
        var source = Checked.Source;
        var rows = entries.Select(t =>
        {
            var (name, let, value) = t;
            var position = source.GetPosition(let.Span.Start);
            return new TraceEntry(name, let.Kind, value, let.Type.ToString(), position.Line, position.Column, source.GetText(let.Value.Span), let.Description);
        }).ToArray();
        return new EvaluationTrace(rows, assessment);
    }

    /// <summary>The equity and maintenance requirement <see cref="Assess"/> left in a frame, for hot loops that need the numbers.</summary>
    internal (decimal Equity, decimal Maintenance) Requirements(EvaluationFrame frame) =>
        (frame.Numbers[_program.Layout.Slot(Checked.Equity)], frame.Numbers[_program.Layout.Slot(Checked.Maintenance)]);

    /// <summary>True when a liquidation rule buys debts in (<c>take d in debts</c>), so the wallet backs the account's debts.</summary>
    internal bool BuysIn { get; }

    /// <summary>Plans the liquidation for an account that <see cref="Assess"/> found liquidatable, from the same frame.</summary>
    internal LiquidationInstruction PlanLiquidation(Account account, Market market, EvaluationFrame frame) =>
        Guard(account, market, (_program, account, market, frame), static s => LiquidationPlanner.Plan(s.Item1, s.account, s.market, s.frame));

    /// <summary>The ADL rank of each of the account's positions; empty when the policy declares no ranking.</summary>
    internal decimal[] AdlRanks(Account account, Market market)
    {
        if (Checked.Adl == null) return [];
        var frame = _program.CreateFrame();
        Run(account, market, frame);
        return Guard(account, market, () =>
        {
            var ranks = new decimal[account.Positions.Length];
            for (var i = 0; i < ranks.Length; i++) ranks[i] = _program.GetAdlRank(account, market, frame, i);
            return ranks;
        });
    }

    /// <summary>The ADL rank of one position, from a frame <see cref="Assess"/> filled for the same account and market.</summary>
    internal decimal AdlRank(Account account, Market market, EvaluationFrame frame, int position) =>
        Guard(account, market, (_program, account, market, frame, position), static s => s.Item1.GetAdlRank(s.account, s.market, s.frame, s.position));

    private void Run(Account account, Market market, EvaluationFrame frame)
    {
        try
        {
            _program.Run(account, market, frame);
        }
        catch (Exception e) when (!ReferenceEquals(_program, _reference) && e is ArithmeticException or KeyNotFoundException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // Compiled code fails without positions; the reference evaluator fails the same way and names the expression.
            _reference.Run(account, market, _reference.CreateFrame());
            throw;
        }
    }

    private T Guard<T>(Account account, Market market, Func<T> action) =>
        Guard(account, market, action, static a => a());

    // The state is passed to a static lambda, so the engine's per-liquidation and per-rank calls allocate no closure.
    private T Guard<TState, T>(Account account, Market market, TState state, Func<TState, T> action)
    {
        try
        {
            return action(state);
        }
        catch (Exception e) when (!ReferenceEquals(_program, _reference) && e is ArithmeticException or KeyNotFoundException or ArgumentOutOfRangeException)
        {
            // Compiled code fails without positions; the reference evaluator fails the same way and names the expression.
            var frame = _reference.CreateFrame();
            _reference.Run(account, market, frame);
            Build(_reference, account, market, frame, MarginStatus.Healthy);
            throw;
        }
    }

    private MarginAssessment Build(PolicyProgram program, Account account, Market market, EvaluationFrame frame, MarginStatus status)
    {
        var layout = program.Layout;
        decimal Number(LetSymbol let) => frame.Numbers[layout.Slot(let)];
        object Value(LetSymbol let) => let.Type.Kind switch
        {
            TypeKind.Bool => frame.Flags[layout.Slot(let)],
            TypeKind.Text => frame.Texts[layout.Slot(let)]!,
            _ => frame.Numbers[layout.Slot(let)],
        };

        var exports = new Dictionary<string, object>(Checked.Exports.Count, StringComparer.Ordinal);
        foreach (var e in Checked.Exports) exports[e.Name] = Value(e);

        MarginCallInstruction? call = null;
        if (frame.CallTriggered)
            call = new MarginCallInstruction(frame.CallAmount, Checked.MarginCall!.Deadline, account.CallRounds);

        var liquidation = frame.RuleIndex >= 0 ? LiquidationPlanner.Plan(program, account, market, frame) : null;

        decimal[]? ranks = null;
        if (Checked.Adl != null)
        {
            ranks = new decimal[account.Positions.Length];
            for (var i = 0; i < ranks.Length; i++) ranks[i] = program.GetAdlRank(account, market, frame, i);
        }

        return new MarginAssessment
        {
            AccountId = account.Id,
            Status = status,
            Equity = Number(Checked.Equity),
            Initial = Checked.Initial == null ? null : Number(Checked.Initial),
            Maintenance = Number(Checked.Maintenance),
            Exports = exports,
            MarginCall = call,
            Liquidation = liquidation,
            AdlRanks = ranks,
        };
    }
}
