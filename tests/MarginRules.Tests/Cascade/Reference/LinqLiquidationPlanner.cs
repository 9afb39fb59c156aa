using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;
using MarginRules.Language.Syntax;

using MarginRules.Assessment;

namespace MarginRules.Tests.Cascade.Reference;

/// <summary>
/// The LINQ-based planner the loop-based <see cref="LiquidationPlanner"/> replaced, kept unchanged as the oracle it must
/// match field for field. Turns the liquidation rule that applies into concrete steps, and applies steps to an account. Positions close at the
/// mark price and pay penalties on the notional closed; holdings are sold to repay debts, largest debt first, and the
/// collateral seized is the debt repaid × (1 + the sum of the penalty rates). With <c>size whole</c> every holding is seized and credited at its value less its
/// penalties; the credit repays debts and what is left over is paid into the wallet.
/// </summary>
internal sealed class LinqLiquidationPlanner
{
    private readonly PolicyProgram _program;
    private readonly int _ruleIndex;
    private readonly LiquidationRule _rule;
    private readonly Account _account;
    private readonly Market _market;
    private readonly int[] _kept;
    private readonly int[] _order;
    private readonly decimal[][] _rates;
    private readonly decimal[] _prices;

    // `size each`: the clamped share of every kept item; null for the sizes that give one total.
    private readonly decimal[]? _shares;

    private LinqLiquidationPlanner(PolicyProgram program, int ruleIndex, Account account, Market market, EvaluationFrame frame)
    {
        _program = program;
        _ruleIndex = ruleIndex;
        _rule = program.Policy.Liquidations[ruleIndex];
        _account = account;
        _market = market;
        var count = _rule.Collection switch
        {
            CollectionKind.Positions => account.Positions.Length,
            CollectionKind.Holdings => account.Holdings.Length,
            _ => account.Debts.Length,
        };
        // The `where` condition picks the items that can be taken; prices, order keys and rates are read for those
        // alone, so a condition can guard what they compute.
        var takeable = Enumerable.Range(0, count).Where(i => program.IsTakeable(ruleIndex, account, market, frame, i)).ToArray();
        _kept = takeable;
        _prices = new decimal[count];
        foreach (var i in takeable)
            _prices[i] = Price(_rule.Collection switch
            {
                CollectionKind.Positions => account.Positions[i].Symbol,
                CollectionKind.Holdings => account.Holdings[i].Asset,
                _ => account.Debts[i].Asset,
            });
        IEnumerable<int> indices = takeable;
        if (_rule.OrderBy != null)
        {
            var keys = new decimal[count];
            foreach (var i in takeable) keys[i] = program.GetItemValue(ruleIndex, -1, account, market, frame, i);

            // LINQ's OrderBy is stable, so equal keys keep the account's order.
            indices = _rule.Descending ? indices.OrderByDescending(i => keys[i]) : indices.OrderBy(i => keys[i]);
        }

        _order = indices.ToArray();
        _rates = new decimal[count][];
        for (var i = 0; i < count; i++) _rates[i] = Array.Empty<decimal>();
        foreach (var i in takeable)
        {
            _rates[i] = new decimal[_rule.Penalties.Count];
            for (var k = 0; k < _rule.Penalties.Count; k++)
                _rates[i][k] = program.GetItemValue(ruleIndex, k, account, market, frame, i);
        }

        if (_rule.SizeKind == LiquidationSizeKind.Each)
        {
            _shares = new decimal[count];
            foreach (var i in takeable) _shares[i] = Math.Clamp(program.GetItemShare(ruleIndex, account, market, frame, i), 0m, 1m);
        }
    }

    private decimal Price(string symbol) =>
        _market.TryGetQuote(symbol, out var quote)
            ? quote.Price
            : throw new PolicyEvaluationException($"the market does not list `{symbol}`", _program.Policy.Source, _rule.Span, _account.Id);

    /// <summary>Decimal places to which a restore amount is rounded up (a hundredth of the quote currency).</summary>
    public const int RestoreDecimals = 2;

    /// <summary>Plans the liquidation for the rule <see cref="EvaluationFrame.RuleIndex"/> names.</summary>
    public static LiquidationInstruction Plan(PolicyProgram program, Account account, Market market, EvaluationFrame frame)
    {
        var planner = new LinqLiquidationPlanner(program, frame.RuleIndex, account, market, frame);
        return planner.Build(frame);
    }

    private LiquidationInstruction Build(EvaluationFrame frame)
    {
        var baseAmount = BaseAmount();
        if (_rule.SizeKind == LiquidationSizeKind.Whole) return BuildWhole(baseAmount);
        var targetAmount = _rule.SizeKind switch
        {
            LiquidationSizeKind.All => baseAmount,
            LiquidationSizeKind.Fraction => Math.Clamp(Value(RuleValue.Size, frame), 0m, 1m) * baseAmount,
            LiquidationSizeKind.Amount => Math.Clamp(Value(RuleValue.Size, frame), 0m, baseAmount),
            LiquidationSizeKind.Each => EachTarget(baseAmount),
            _ => SolveRestore(baseAmount, frame),
        };
        decimal? chunk = _rule.Chunk == null ? null : Math.Max(0m, Value(RuleValue.Chunk, frame));
        var amount = chunk.HasValue ? Math.Min(targetAmount, chunk.Value) : targetAmount;
        var (steps, repayments, taken) = Take(amount);
        var penalties = steps.SelectMany(s => s.Penalties)
            .GroupBy(p => p.Recipient)
            .OrderBy(g => g.Key)
            .Select(g => new PenaltyAmount(g.Key, g.Sum(p => p.Amount)))
            .ToArray();
        return new LiquidationInstruction
        {
            RuleName = _rule.Name,
            Target = Target,
            SizeKind = _rule.SizeKind,
            BaseAmount = baseAmount,
            TargetAmount = targetAmount,
            Amount = taken,
            Chunk = chunk,
            Steps = steps,
            Repayments = repayments,
            Penalties = penalties,
        };
    }

    /// <summary>
    /// Compound III Comet.absorbInternal: every holding is seized; each credits its value V × (1 − Σ rates), the rates
    /// being fractions of V. The credit repays debts largest first; the excess is paid into the wallet, and debt it
    /// does not cover stays on the account.
    /// </summary>
    private LiquidationInstruction BuildWhole(decimal debt)
    {
        var steps = new List<LiquidationStep>();
        var credit = 0m;
        foreach (var i in _order)
        {
            var h = _account.Holdings[i];
            var value = h.Quantity * _prices[i];
            if (value == 0m) continue;
            var rates = _rates[i];
            var share = value * (1m - rates.Sum());
            steps.Add(new LiquidationStep(i, h.Asset, h.Quantity, share, value, Penalties(rates, value)));
            credit += share;
        }

        var repaid = Math.Clamp(credit, 0m, debt);
        var penalties = steps.SelectMany(s => s.Penalties)
            .GroupBy(p => p.Recipient)
            .OrderBy(g => g.Key)
            .Select(g => new PenaltyAmount(g.Key, g.Sum(p => p.Amount)))
            .ToArray();
        return new LiquidationInstruction
        {
            RuleName = _rule.Name,
            Target = LiquidationTarget.Holdings,
            SizeKind = _rule.SizeKind,
            BaseAmount = debt,
            TargetAmount = debt,
            Amount = repaid,
            Credit = Math.Max(0m, credit - repaid),
            Steps = steps.ToArray(),
            Repayments = Repay(repaid),
            Penalties = penalties,
        };
    }

    private LiquidationTarget Target => _rule.Collection switch
    {
        CollectionKind.Positions => LiquidationTarget.Positions,
        CollectionKind.Holdings => LiquidationTarget.Holdings,
        _ => LiquidationTarget.Debts,
    };

    private decimal Value(RuleValue which, EvaluationFrame frame) => _program.GetRuleValue(_ruleIndex, which, _account, _market, frame);

    private decimal BaseAmount()
    {
        decimal total = 0m;
        if (_rule.Collection == CollectionKind.Positions)
        {
            // Only the positions the `where` condition keeps can be closed, so only their notional is the base.
            // Summed in account order, as the policy's own sums are.
            foreach (var i in _kept) total += Math.Abs(_account.Positions[i].Size) * _prices[i];
        }
        else if (_rule.Collection == CollectionKind.Debts)
        {
            // A buy-in's base is the value of the kept debts, as a positions rule's is their notional.
            foreach (var i in _kept) total += _account.Debts[i].Quantity * _prices[i];
        }
        else
        {
            // The base of a holdings rule is the debt to repay; `where` limits the collateral sold, not the debt.
            foreach (var d in _account.Debts) total += d.Quantity * Price(d.Asset);
        }

        return total;
    }

    /// <summary>
    /// The sum of the shares of every kept item: share × notional for a position, share × what the holding can repay for
    /// a holding (so that a share of 1 sells all of it), the latter at most the debt.
    /// </summary>
    private decimal EachTarget(decimal baseAmount)
    {
        decimal total = 0m;
        foreach (var i in _kept) total += ItemCapacity(i) * _shares![i];
        return _rule.Collection == CollectionKind.Holdings ? Math.Min(total, baseAmount) : total;
    }

    /// <summary>The most one item can give: a position's notional, a debt's value, or what a holding can repay after its penalties.</summary>
    private decimal ItemCapacity(int i) => _rule.Collection switch
    {
        CollectionKind.Positions => Math.Abs(_account.Positions[i].Size) * _prices[i],
        CollectionKind.Debts => _account.Debts[i].Quantity * _prices[i],
        _ => _account.Holdings[i].Quantity * _prices[i] / (1m + Senior(i).Sum()),
    };

    /// <summary>Takes <paramref name="amount"/> (notional, or debt to repay) from the items in order.</summary>
    private (LiquidationStep[] Steps, DebtRepayment[] Repayments, decimal Taken) Take(decimal amount)
    {
        var steps = new List<LiquidationStep>();
        var remaining = amount;
        var positions = _rule.Collection == CollectionKind.Positions;
        foreach (var i in _order)
        {
            if (remaining <= 0m) break;
            var rates = _rates[i];
            var totalRate = Senior(i).Sum();
            if (positions)
            {
                var p = _account.Positions[i];
                var notional = Math.Abs(p.Size) * _prices[i];
                if (notional == 0m) continue;
                // With `size each` an item gives at most its share; the amount (the sum of the shares, or the chunk) is
                // still taken in order, so a chunk that binds leaves the last items their shares untaken.
                var cap = _shares == null ? notional : _shares[i] * notional;
                var take = Math.Min(remaining, cap);
                if (take == 0m) continue;
                var quantity = take == notional ? p.Size
                    : take == cap ? p.Size * _shares![i]
                    : p.Size * take / notional;
                steps.Add(new LiquidationStep(i, p.Symbol, quantity, take, take, Penalties(rates, take)));
                remaining -= take;
            }
            else if (_rule.Collection == CollectionKind.Debts)
            {
                var d = _account.Debts[i];
                var value = d.Quantity * _prices[i];
                if (value == 0m) continue;
                var cap = _shares == null ? value : _shares[i] * value;
                var buy = Math.Min(remaining, cap);
                if (buy == 0m) continue;
                var quantity = buy == value ? d.Quantity
                    : buy == cap ? d.Quantity * _shares![i]
                    : buy / _prices[i];
                var penalties = Penalties(rates, buy);
                steps.Add(new LiquidationStep(i, d.Asset, quantity, buy, penalties.Aggregate(buy, (paid, p) => paid + p.Amount), penalties));
                remaining -= buy;
            }
            else
            {
                var h = _account.Holdings[i];
                var value = h.Quantity * _prices[i];
                if (value == 0m) continue;
                var capacity = value / (1m + totalRate);
                var cap = _shares == null ? capacity : _shares[i] * capacity;
                var repay = Math.Min(remaining, cap);
                if (repay == 0m) continue;
                if (_rule.Penalties.Any(x => x.AfterDebt))
                {
                    steps.Add(WithJuniors(i, h, value, repay, totalRate, _shares == null ? 1m : _shares[i]));
                    remaining -= repay;
                    continue;
                }

                var seized = repay == capacity ? value
                    : repay == cap ? _shares![i] * value
                    : repay * (1m + totalRate);
                var quantity = seized == value ? h.Quantity
                    : repay == cap ? _shares![i] * h.Quantity
                    : seized / _prices[i];
                steps.Add(new LiquidationStep(i, h.Asset, quantity, repay, seized, Penalties(rates, repay)));
                remaining -= repay;
            }
        }

        var taken = amount - Math.Max(0m, remaining);
        var repayments = _rule.Collection == CollectionKind.Holdings ? Repay(taken) : Array.Empty<DebtRepayment>();
        return (steps.ToArray(), repayments, taken);
    }

    /// <summary>The senior rates of an item, in rule order.</summary>
    private IEnumerable<decimal> Senior(int i) => _rates[i].Where((_, k) => !_rule.Penalties[k].AfterDebt);

    /// <summary>
    /// The juniors are paid in full from repay × rate when the holding (or its share) covers repay × (1 + all rates),
    /// else they share what it raises beyond repay × (1 + senior rates) in proportion to their rates, the last junior
    /// taking the remainder; a junior rate below 0 counts as 0.
    /// </summary>
    private LiquidationStep WithJuniors(int i, Holding h, decimal value, decimal repay, decimal seniorRate, decimal share)
    {
        var limit = share == 1m ? value : share * value;
        var juniors = _rule.Penalties.Select((p, k) => (p, k)).Where(x => x.p.AfterDebt).Select(x => (x.k, rate: Math.Max(0m, _rates[i][x.k]))).ToList();
        var juniorRate = juniors.Sum(x => x.rate);
        var withSeniors = repay * (1m + seniorRate);
        var full = withSeniors + repay * juniorRate < limit;
        var seized = full ? withSeniors + repay * juniorRate : limit;
        var surplus = Math.Max(0m, seized - withSeniors);
        var amounts = _rates[i].Select((rate, k) => !_rule.Penalties[k].AfterDebt ? repay * rate
            : rate <= 0m || juniorRate == 0m ? 0m
            : full ? repay * rate : surplus * rate / juniorRate).ToArray();
        var paying = juniors.Where(x => x.rate > 0m).Select(x => x.k).ToList();
        if (!full && juniorRate != 0m && paying.Count > 0)
            amounts[paying[^1]] = surplus - paying.Take(paying.Count - 1).Sum(k => amounts[k]);
        var quantity = seized == value ? h.Quantity : seized == limit ? share * h.Quantity : seized / _prices[i];
        return new LiquidationStep(i, h.Asset, quantity, repay, seized,
            amounts.Select((a, k) => new PenaltyAmount(_rule.Penalties[k].Recipient, a)).ToArray());
    }

    private PenaltyAmount[] Penalties(decimal[] rates, decimal amount)
    {
        var result = new PenaltyAmount[rates.Length];
        for (var k = 0; k < rates.Length; k++) result[k] = new PenaltyAmount(_rule.Penalties[k].Recipient, amount * rates[k]);
        return result;
    }

    private DebtRepayment[] Repay(decimal total)
    {
        var debts = _account.Debts.Select((d, i) => (d, i, value: d.Quantity * Price(d.Asset)))
            .OrderByDescending(x => x.value)
            .ToArray();
        var result = new List<DebtRepayment>();
        var remaining = total;
        foreach (var (d, i, value) in debts)
        {
            if (remaining <= 0m) break;
            if (value == 0m) continue;
            var pay = Math.Min(remaining, value);
            var quantity = pay == value ? d.Quantity : pay / Price(d.Asset);
            result.Add(new DebtRepayment(i, d.Asset, quantity, pay));
            remaining -= pay;
        }

        return result.ToArray();
    }

    /// <summary>
    /// Finds the smallest amount after which the rule's ratio reaches its target, by bisection on the amount, then rounds
    /// it up to <see cref="RestoreDecimals"/> places. The direction (whether the ratio must rise or fall) is read from
    /// the ratio before and after liquidating the whole base.
    /// </summary>
    private decimal SolveRestore(decimal baseAmount, EvaluationFrame frame)
    {
        var target = Value(RuleValue.Target, frame);
        var before = Value(RuleValue.Size, frame);
        var afterAll = RatioAfter(baseAmount);
        if (afterAll == null) return baseAmount;
        var direction = Math.Sign(afterAll.Value - before);
        if (direction == 0) return baseAmount;
        // Decimal division rounds in the 28th digit, so a ratio that lands exactly on its target may miss it by 10⁻²⁶.
        var slack = 0.00000000000000000001m * Math.Max(1m, Math.Abs(target));
        bool Reaches(decimal? ratio) => ratio.HasValue && (ratio.Value - target) * direction >= -slack;
        if (Reaches(before)) return 0m;
        if (!Reaches(afterAll)) return baseAmount;

        decimal lo = 0m, hi = baseAmount;
        for (var i = 0; i < 100 && hi - lo > 0.0000001m; i++)
        {
            var mid = (lo + hi) / 2m;
            if (Reaches(RatioAfter(mid))) hi = mid;
            else lo = mid;
        }

        // The bisection ends a hair above the exact answer; prefer the nearest cent when it already reaches the target.
        var nearest = PolicyMath.Round(hi, RestoreDecimals, RoundingMode.HalfUp);
        var rounded = nearest <= baseAmount && Reaches(RatioAfter(nearest)) ? nearest : PolicyRounding.Up(hi, RestoreDecimals);
        return Math.Min(rounded, baseAmount);
    }

    private decimal? RatioAfter(decimal amount)
    {
        var (steps, repayments, _) = Take(amount);
        // Applying steps is shared with the planner under test: it did not change, and the oracle is about planning.
        var after = LiquidationPlanner.Apply(_account, _market, Target, steps, repayments);
        var frame = _program.CreateFrame();
        try
        {
            _program.Run(after, _market, frame);
            return _program.GetRuleValue(_ruleIndex, RuleValue.Size, after, _market, frame);
        }
        catch (Exception e) when (e is PolicyEvaluationException or ArithmeticException or KeyNotFoundException)
        {
            return null;
        }
    }
}
