using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;
using MarginRules.Language.Syntax;

namespace MarginRules.Assessment;

/// <summary>
/// Turns the liquidation rule that applies into concrete steps, and applies steps to an account. Positions close at the
/// mark price and pay penalties on the notional closed; holdings are sold to repay debts, largest debt first, and the
/// collateral seized is the debt repaid × (1 + the sum of the penalty rates), junior (<c>after debt</c>) penalties being
/// paid only from what the sale raises beyond the debt and the seniors. With <c>size whole</c> every holding is seized and credited at its value less its
/// penalties; the credit repays debts and what is left over is paid into the wallet. Debts are bought in: the wallet pays
/// for the debt asset at the mark, and the penalties on the value bought, and may go negative (a broker's debit).
/// </summary>
/// <remarks>
/// A ref struct whose per-item numbers live on the stack: the cascade plans once per liquidated account, hundreds of
/// thousands of times a round, so planning should allocate little beyond the instruction it returns.
/// </remarks>
internal readonly ref struct LiquidationPlanner
{
    /// <summary>Decimal places to which a restore amount is rounded up (a hundredth of the quote currency).</summary>
    public const int RestoreDecimals = 2;

    // Scratch up to this many decimals (4 KB) and indices is stack-allocated; larger accounts use arrays.
    private const int StackDecimals = 256;
    private const int StackIndices = 256;

    // The members of PenaltyRecipient are 0 … Protocol; totals are kept by recipient in that order.
    private const int Recipients = (int)PenaltyRecipient.Protocol + 1;

    private readonly PolicyProgram _program;
    private readonly int _ruleIndex;
    private readonly LiquidationRule _rule;
    private readonly Account _account;
    private readonly Market _market;
    private readonly CollectionKind _collection;
    private readonly int _penaltyCount;

    // True when a penalty is junior (`after debt`): paid only from what a sale raises beyond the debt and the seniors.
    private readonly bool _hasJunior;

    // The items the `where` condition keeps, in account order, and the same items in the rule's order.
    private readonly Span<int> _kept;
    private readonly Span<int> _order;

    // By item index: the price, the `size each` share, and the penalty rates (_penaltyCount per item, in rule order).
    // Only kept items are filled.
    private readonly Span<decimal> _prices;
    private readonly Span<decimal> _shares;
    private readonly Span<decimal> _rates;

    // Holdings rules (the debts they repay, not the debts a buy-in takes): each debt's price and value, the debts by value largest first, and their total in account order.
    private readonly Span<decimal> _debtPrices;
    private readonly Span<decimal> _debtValues;
    private readonly Span<int> _debtOrder;
    private readonly decimal _debtTotal;

    private LiquidationPlanner(PolicyProgram program, int ruleIndex, Account account, Market market, EvaluationFrame frame, Span<decimal> numbers, Span<int> indices)
    {
        _program = program;
        _ruleIndex = ruleIndex;
        _rule = program.Policy.Liquidations[ruleIndex];
        _account = account;
        _market = market;
        _collection = _rule.Collection;
        _penaltyCount = _rule.Penalties.Count;
        _hasJunior = false;
        foreach (var penalty in _rule.Penalties) _hasJunior |= penalty.AfterDebt;
        var count = ItemCount(account, _collection);
        var debts = RepaidDebtCount(account, _collection);
        _prices = numbers.Slice(0, count);
        _shares = numbers.Slice(count, count);
        var keys = numbers.Slice(2 * count, count);
        _rates = numbers.Slice(3 * count, count * _penaltyCount);
        _debtPrices = numbers.Slice(count * (3 + _penaltyCount), debts);
        _debtValues = numbers.Slice(count * (3 + _penaltyCount) + debts, debts);

        // The `where` condition picks the items that can be taken; prices, order keys and rates are read for those
        // alone, so a condition can guard what they compute. Prices, then keys, then rates, then shares, each for
        // every kept item, then the debts: that order decides which error an account that fails twice reports.
        var kept = 0;
        for (var i = 0; i < count; i++)
            if (program.IsTakeable(ruleIndex, account, market, frame, i)) indices[kept++] = i;
        _kept = indices.Slice(0, kept);
        _order = indices.Slice(count, kept);
        _debtOrder = indices.Slice(2 * count, debts);
        foreach (var i in _kept) _prices[i] = Price(ItemSymbol(i));
        _kept.CopyTo(_order);
        if (_rule.OrderBy != null)
        {
            foreach (var i in _kept) keys[i] = program.GetItemValue(ruleIndex, -1, account, market, frame, i);
            SortStable(_order, keys, _rule.Descending);
        }

        foreach (var i in _kept)
            for (var k = 0; k < _penaltyCount; k++)
                _rates[i * _penaltyCount + k] = program.GetItemValue(ruleIndex, k, account, market, frame, i);

        if (_rule.SizeKind == LiquidationSizeKind.Each)
            foreach (var i in _kept) _shares[i] = Math.Clamp(program.GetItemShare(ruleIndex, account, market, frame, i), 0m, 1m);

        // The base of a holdings rule is the debt to repay; `where` limits the collateral sold, not the debt. Summed
        // in account order, each value as its price is read, like the policy's own sums.
        _debtTotal = 0m;
        for (var d = 0; d < debts; d++)
        {
            _debtPrices[d] = Price(account.Debts[d].Asset);
            _debtValues[d] = account.Debts[d].Quantity * _debtPrices[d];
            _debtTotal += _debtValues[d];
            _debtOrder[d] = d;
        }

        SortStable(_debtOrder, _debtValues, descending: true);
    }

    private static int ItemCount(Account account, CollectionKind collection) => collection switch
    {
        CollectionKind.Positions => account.Positions.Length,
        CollectionKind.Holdings => account.Holdings.Length,
        _ => account.Debts.Length,
    };

    // Only a holdings rule repays debts from a sale, so only it reads every debt.
    private static int RepaidDebtCount(Account account, CollectionKind collection) =>
        collection == CollectionKind.Holdings ? account.Debts.Length : 0;

    private string ItemSymbol(int i) => _collection switch
    {
        CollectionKind.Positions => _account.Positions[i].Symbol,
        CollectionKind.Holdings => _account.Holdings[i].Asset,
        _ => _account.Debts[i].Asset,
    };

    /// <summary>What a liquidation over the collection takes: positions, holdings or debts.</summary>
    internal static LiquidationTarget TargetOf(CollectionKind collection) => collection switch
    {
        CollectionKind.Positions => LiquidationTarget.Positions,
        CollectionKind.Holdings => LiquidationTarget.Holdings,
        _ => LiquidationTarget.Debts,
    };

    private decimal Price(string symbol) =>
        _market.TryGetQuote(symbol, out var quote)
            ? quote.Price
            : throw new PolicyEvaluationException($"the market does not list `{symbol}`", _program.Policy.Source, _rule.Span, _account.Id);

    /// <summary>Plans the liquidation for the rule <see cref="EvaluationFrame.RuleIndex"/> names.</summary>
    public static LiquidationInstruction Plan(PolicyProgram program, Account account, Market market, EvaluationFrame frame)
    {
        var rule = program.Policy.Liquidations[frame.RuleIndex];
        var count = ItemCount(account, rule.Collection);
        var debts = RepaidDebtCount(account, rule.Collection);
        var decimals = count * (3 + rule.Penalties.Count) + 2 * debts;
        var indices = 2 * count + debts;
        var planner = new LiquidationPlanner(program, frame.RuleIndex, account, market, frame,
            decimals <= StackDecimals ? stackalloc decimal[decimals] : new decimal[decimals],
            indices <= StackIndices ? stackalloc int[indices] : new int[indices]);
        return planner.Build(frame);
    }

    /// <summary>
    /// Sorts item indices by key, in place, keeping equal keys in their present (account) order as LINQ's stable
    /// OrderBy and OrderByDescending do. Insertion sort: a rule takes from a handful of items.
    /// </summary>
    private static void SortStable(Span<int> indices, ReadOnlySpan<decimal> keys, bool descending)
    {
        for (var n = 1; n < indices.Length; n++)
        {
            var item = indices[n];
            var key = keys[item];
            var j = n - 1;
            while (j >= 0 && (descending ? keys[indices[j]] < key : keys[indices[j]] > key))
            {
                indices[j + 1] = indices[j];
                j--;
            }

            indices[j + 1] = item;
        }
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
        return new LiquidationInstruction
        {
            RuleName = _rule.Name,
            Target = TargetOf(_collection),
            SizeKind = _rule.SizeKind,
            BaseAmount = baseAmount,
            TargetAmount = targetAmount,
            Amount = taken,
            Chunk = chunk,
            Steps = steps,
            Repayments = repayments,
            Penalties = PenaltyTotals(steps),
        };
    }

    /// <summary>
    /// Compound III Comet.absorbInternal: every holding is seized; each credits its value V × (1 − Σ rates), the rates
    /// being fractions of V. The credit repays debts largest first; the excess is paid into the wallet, and debt it
    /// does not cover stays on the account.
    /// </summary>
    private LiquidationInstruction BuildWhole(decimal debt)
    {
        var steps = new LiquidationStep[_order.Length];
        var taken = 0;
        var credit = 0m;
        foreach (var i in _order)
        {
            var h = _account.Holdings[i];
            var value = h.Quantity * _prices[i];
            if (value == 0m) continue;
            var share = value * (1m - RateSum(i, junior: false));
            steps[taken++] = new LiquidationStep(i, h.Asset, h.Quantity, share, value, Penalties(i, value));
            credit += share;
        }

        var repaid = Math.Clamp(credit, 0m, debt);
        var seized = Trim(steps, taken);
        return new LiquidationInstruction
        {
            RuleName = _rule.Name,
            Target = LiquidationTarget.Holdings,
            SizeKind = _rule.SizeKind,
            BaseAmount = debt,
            TargetAmount = debt,
            Amount = repaid,
            Credit = Math.Max(0m, credit - repaid),
            Steps = seized,
            Repayments = Repay(repaid),
            Penalties = PenaltyTotals(seized),
        };
    }

    private decimal Value(RuleValue which, EvaluationFrame frame) => _program.GetRuleValue(_ruleIndex, which, _account, _market, frame);

    private decimal BaseAmount()
    {
        if (_collection == CollectionKind.Holdings) return _debtTotal;

        // Only the positions (debts) the `where` condition keeps can be closed (bought in), so only their notional
        // (value) is the base. Summed in account order, as the policy's own sums are.
        decimal total = 0m;
        foreach (var i in _kept) total += ItemCapacity(i);
        return total;
    }

    /// <summary>
    /// The sum of the shares of every kept item: share × notional for a position, share × value for a debt, share × what
    /// the holding can repay for a holding (so that a share of 1 sells all of it), the latter at most the debt.
    /// </summary>
    private decimal EachTarget(decimal baseAmount)
    {
        decimal total = 0m;
        foreach (var i in _kept) total += ItemCapacity(i) * _shares[i];
        return _collection == CollectionKind.Holdings ? Math.Min(total, baseAmount) : total;
    }

    /// <summary>
    /// The most one item can give: a position's notional, a debt's value (the wallet pays for the buy-in whatever its
    /// balance), or what a holding can repay after its senior penalties.
    /// </summary>
    private decimal ItemCapacity(int i) => _collection switch
    {
        CollectionKind.Positions => Math.Abs(_account.Positions[i].Size) * _prices[i],
        CollectionKind.Holdings => _account.Holdings[i].Quantity * _prices[i] / (1m + RateSum(i, junior: false)),
        _ => _account.Debts[i].Quantity * _prices[i],
    };

    /// <summary>
    /// The sum of an item's senior (or, with <paramref name="junior"/>, junior) penalty rates, added from 0 in rule order
    /// as Enumerable.Sum adds them, so every digit (and an overflow) is the same. Summed where it is used rather than
    /// stored, so only an item the plan reaches can overflow. A junior rate below 0 counts as 0: it waits for a surplus
    /// and cannot give one back.
    /// </summary>
    private decimal RateSum(int i, bool junior)
    {
        var sum = 0m;
        var rates = _rates.Slice(i * _penaltyCount, _penaltyCount);
        for (var k = 0; k < rates.Length; k++)
            if (_rule.Penalties[k].AfterDebt == junior) sum += junior ? Math.Max(0m, rates[k]) : rates[k];
        return sum;
    }

    /// <summary>Takes <paramref name="amount"/> (notional, debt to buy in, or debt to repay) from the items in order.</summary>
    private (LiquidationStep[] Steps, DebtRepayment[] Repayments, decimal Taken) Take(decimal amount)
    {
        var steps = new LiquidationStep[_order.Length];
        var taken = 0;
        var remaining = amount;
        var each = _rule.SizeKind == LiquidationSizeKind.Each;
        foreach (var i in _order)
        {
            if (remaining <= 0m) break;
            // Summed for positions too, where only an overflow matters: a rate sum beyond decimal's range fails the plan.
            var totalRate = RateSum(i, junior: false);
            if (_collection == CollectionKind.Positions)
            {
                var p = _account.Positions[i];
                var notional = Math.Abs(p.Size) * _prices[i];
                if (notional == 0m) continue;
                // With `size each` an item gives at most its share; the amount (the sum of the shares, or the chunk) is
                // still taken in order, so a chunk that binds leaves the last items their shares untaken.
                var cap = each ? _shares[i] * notional : notional;
                var take = Math.Min(remaining, cap);
                if (take == 0m) continue;
                var quantity = take == notional ? p.Size
                    : take == cap ? p.Size * _shares[i]
                    : p.Size * take / notional;
                steps[taken++] = new LiquidationStep(i, p.Symbol, quantity, take, take, Penalties(i, take));
                remaining -= take;
            }
            else if (_collection == CollectionKind.Debts)
            {
                // A buy-in: the wallet buys the debt asset at the mark and returns it, and pays the penalties on top.
                var d = _account.Debts[i];
                var value = d.Quantity * _prices[i];
                if (value == 0m) continue;
                var cap = each ? _shares[i] * value : value;
                var buy = Math.Min(remaining, cap);
                if (buy == 0m) continue;
                var quantity = buy == value ? d.Quantity
                    : buy == cap ? d.Quantity * _shares[i]
                    : buy / _prices[i];
                var penalties = Penalties(i, buy);
                var paid = buy;
                foreach (var penalty in penalties) paid += penalty.Amount;
                steps[taken++] = new LiquidationStep(i, d.Asset, quantity, buy, paid, penalties);
                remaining -= buy;
            }
            else
            {
                var h = _account.Holdings[i];
                var value = h.Quantity * _prices[i];
                if (value == 0m) continue;
                var capacity = value / (1m + totalRate);
                var cap = each ? _shares[i] * capacity : capacity;
                var repay = Math.Min(remaining, cap);
                if (repay == 0m) continue;
                if (_hasJunior)
                {
                    steps[taken++] = TakeWithJuniors(i, h, value, repay, totalRate, each ? _shares[i] : 1m);
                    remaining -= repay;
                    continue;
                }

                var seized = repay == capacity ? value
                    : repay == cap ? _shares[i] * value
                    : repay * (1m + totalRate);
                var quantity = seized == value ? h.Quantity
                    : repay == cap ? _shares[i] * h.Quantity
                    : seized / _prices[i];
                steps[taken++] = new LiquidationStep(i, h.Asset, quantity, repay, seized, Penalties(i, repay));
                remaining -= repay;
            }
        }

        var total = amount - Math.Max(0m, remaining);
        var repayments = _collection == CollectionKind.Holdings ? Repay(total) : Array.Empty<DebtRepayment>();
        return (Trim(steps, taken), repayments, total);
    }

    /// <summary>
    /// A holding sold to repay <paramref name="repay"/> under a rule with junior penalties. The seniors come with the debt
    /// (repay × (1 + senior rates), as without juniors); the juniors are paid from what the sale can raise beyond that, up
    /// to repay × each junior rate: in full when the holding's value (or its <c>size each</c> <paramref name="share"/>
    /// of it) allows, else from the rest of the holding, shared in proportion to their rates (the last takes the
    /// remainder, so the shares add up exactly). MakerDAO's Vow collects the penalty (chop) only from proceeds beyond the
    /// debt in the same way (dss clip.sol, Clipper.take).
    /// </summary>
    private LiquidationStep TakeWithJuniors(int i, Holding h, decimal value, decimal repay, decimal seniorRate, decimal share)
    {
        var limit = share == 1m ? value : share * value;
        var juniorRate = RateSum(i, junior: true);
        var withSeniors = repay * (1m + seniorRate);
        var wanted = withSeniors + repay * juniorRate;
        var full = wanted < limit;

        // Short of the full juniors, the whole holding (or its share) is sold; what it raises beyond the debt and the
        // seniors (0 when they take it all, whatever the last digit of their product) is the juniors' to share.
        var seized = full ? wanted : limit;
        var surplus = Math.Max(0m, seized - withSeniors);
        var quantity = seized == value ? h.Quantity : seized == limit ? share * h.Quantity : seized / _prices[i];

        // A partial surplus is shared out exactly: the last junior with a rate above 0 takes what the others leave.
        var last = -1;
        for (var k = 0; k < _penaltyCount; k++)
            if (_rule.Penalties[k].AfterDebt && _rates[i * _penaltyCount + k] > 0m) last = k;

        var penalties = new PenaltyAmount[_penaltyCount];
        var others = 0m;
        for (var k = 0; k < _penaltyCount; k++)
        {
            var rate = _rates[i * _penaltyCount + k];
            var rule = _rule.Penalties[k];
            decimal amount;
            if (!rule.AfterDebt) amount = repay * rate;
            else if (rate <= 0m || juniorRate == 0m) amount = 0m;
            else if (full) amount = repay * rate;
            else if (k == last) continue;
            else others += amount = surplus * rate / juniorRate;

            penalties[k] = new PenaltyAmount(rule.Recipient, amount);
        }

        if (!full && last >= 0) penalties[last] = new PenaltyAmount(_rule.Penalties[last].Recipient, surplus - others);
        return new LiquidationStep(i, h.Asset, quantity, repay, seized, penalties);
    }

    /// <summary>The first <paramref name="count"/> items: the array itself when it is full, so the common case copies nothing.</summary>
    private static T[] Trim<T>(T[] items, int count)
    {
        if (count == items.Length) return items;
        if (count == 0) return Array.Empty<T>();
        var result = new T[count];
        Array.Copy(items, result, count);
        return result;
    }

    private PenaltyAmount[] Penalties(int i, decimal amount)
    {
        if (_penaltyCount == 0) return Array.Empty<PenaltyAmount>();
        var result = new PenaltyAmount[_penaltyCount];
        for (var k = 0; k < _penaltyCount; k++) result[k] = new PenaltyAmount(_rule.Penalties[k].Recipient, amount * _rates[i * _penaltyCount + k]);
        return result;
    }

    /// <summary>
    /// The penalties over all steps by recipient, in ascending recipient order and only for recipients that occur, each
    /// summed from 0 in step and rule order: the grouping, order and digits of GroupBy, OrderBy and Sum.
    /// </summary>
    private static PenaltyAmount[] PenaltyTotals(LiquidationStep[] steps)
    {
        Span<decimal> totals = stackalloc decimal[Recipients];
        Span<bool> seen = stackalloc bool[Recipients];
        var distinct = 0;
        foreach (var step in steps)
        {
            var penalties = step.Penalties;
            for (var k = 0; k < penalties.Count; k++)
            {
                var r = (int)penalties[k].Recipient;
                if (!seen[r]) distinct++;
                seen[r] = true;
                totals[r] += penalties[k].Amount;
            }
        }

        if (distinct == 0) return Array.Empty<PenaltyAmount>();
        var result = new PenaltyAmount[distinct];
        var n = 0;
        for (var r = 0; r < Recipients; r++)
            if (seen[r]) result[n++] = new PenaltyAmount((PenaltyRecipient)r, totals[r]);
        return result;
    }

    /// <summary>Repays <paramref name="total"/> of the debts, largest value first (equal values in account order).</summary>
    private DebtRepayment[] Repay(decimal total)
    {
        DebtRepayment[]? result = null;
        var paid = 0;
        var remaining = total;
        foreach (var i in _debtOrder)
        {
            if (remaining <= 0m) break;
            var value = _debtValues[i];
            if (value == 0m) continue;
            var d = _account.Debts[i];
            var pay = Math.Min(remaining, value);
            var quantity = pay == value ? d.Quantity : pay / _debtPrices[i];
            result ??= new DebtRepayment[_debtOrder.Length];
            result[paid++] = new DebtRepayment(i, d.Asset, quantity, pay);
            remaining -= pay;
        }

        return result == null ? Array.Empty<DebtRepayment>() : Trim(result, paid);
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
        if (Reaches(before, target, direction, slack)) return 0m;
        if (!Reaches(afterAll, target, direction, slack)) return baseAmount;

        decimal lo = 0m, hi = baseAmount;
        for (var i = 0; i < 100 && hi - lo > 0.0000001m; i++)
        {
            var mid = (lo + hi) / 2m;
            if (Reaches(RatioAfter(mid), target, direction, slack)) hi = mid;
            else lo = mid;
        }

        // The bisection ends a hair above the exact answer; prefer the nearest cent when it already reaches the target.
        var nearest = PolicyMath.Round(hi, RestoreDecimals, RoundingMode.HalfUp);
        var rounded = nearest <= baseAmount && Reaches(RatioAfter(nearest), target, direction, slack) ? nearest : PolicyRounding.Up(hi, RestoreDecimals);
        return Math.Min(rounded, baseAmount);
    }

    /// <summary>Whether a ratio (null when the trial account cannot be evaluated) has reached its target from the given side.</summary>
    private static bool Reaches(decimal? ratio, decimal target, int direction, decimal slack) =>
        ratio.HasValue && (ratio.Value - target) * direction >= -slack;

    private decimal? RatioAfter(decimal amount)
    {
        var (steps, repayments, _) = Take(amount);
        var after = Apply(_account, _market, TargetOf(_collection), steps, repayments);
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

    /// <summary>
    /// The account after the steps: positions reduced with PnL realised and penalties paid from the wallet, holdings sold
    /// and debts repaid, or debts bought in with the wallet.
    /// </summary>
    public static Account Apply(Account account, Market market, LiquidationInstruction instruction)
    {
        var after = Apply(account, market, instruction.Target, instruction.Steps, instruction.Repayments);
        return instruction.Credit == 0m ? after : after with { Wallet = after.Wallet + instruction.Credit };
    }

    /// <summary>
    /// An isolated position's margin after a close that realised <paramref name="pnl"/> and paid <paramref name="penalties"/>:
    /// margin + PnL − penalties, or 0 when that is negative (the shortfall, which the cascade engine's insurance fund
    /// covers, is <see cref="IsolatedShortfall"/>).
    /// </summary>
    internal static decimal IsolatedMarginAfter(decimal margin, decimal pnl, IReadOnlyList<PenaltyAmount> penalties) =>
        Math.Max(0m, margin + pnl - PenaltySum(penalties));

    /// <summary>What an isolated close realises beyond the position's margin: −(margin + PnL − penalties) when that is positive, else 0.</summary>
    internal static decimal IsolatedShortfall(decimal margin, decimal pnl, IReadOnlyList<PenaltyAmount> penalties) =>
        Math.Max(0m, -(margin + pnl - PenaltySum(penalties)));

    private static decimal PenaltySum(IReadOnlyList<PenaltyAmount> penalties)
    {
        var sum = 0m;
        foreach (var penalty in penalties) sum += penalty.Amount;
        return sum;
    }

    /// <summary>The account after the steps and repayments alone, without a <c>size whole</c> credit; restore sizing's trials use it.</summary>
    internal static Account Apply(Account account, Market market, LiquidationTarget target, IReadOnlyList<LiquidationStep> steps, IReadOnlyList<DebtRepayment> repayments)
    {
        if (target == LiquidationTarget.Positions)
        {
            var positions = account.Positions.ToBuilder();
            var wallet = account.Wallet;
            foreach (var step in steps)
            {
                var p = positions[step.ItemIndex];
                var mark = market.Price(p.Symbol);
                var pnl = step.Quantity * (mark - p.EntryPrice);
                wallet += pnl;
                foreach (var penalty in step.Penalties) wallet -= penalty.Amount;

                // An isolated position's margin absorbs what closing part of it realises, as its own balance would; it
                // cannot go below 0 (the cascade engine settles the rest against the insurance fund).
                positions[step.ItemIndex] = p.Isolated
                    ? p with { Size = p.Size - step.Quantity, IsolatedMargin = IsolatedMarginAfter(p.IsolatedMargin, pnl, step.Penalties) }
                    : p with { Size = p.Size - step.Quantity };
            }

            return account with { Wallet = wallet, Positions = positions.Where(p => p.Size != 0m).ToImmutableArray() };
        }

        if (target == LiquidationTarget.Debts)
        {
            // The wallet pays the value bought in and then the penalties; it may go below 0, a debit the broker carries.
            var bought = account.Debts.ToBuilder();
            var wallet = account.Wallet;
            foreach (var step in steps)
            {
                wallet -= step.Value;
                foreach (var penalty in step.Penalties) wallet -= penalty.Amount;
                bought[step.ItemIndex] = bought[step.ItemIndex] with { Quantity = bought[step.ItemIndex].Quantity - step.Quantity };
            }

            return account with { Wallet = wallet, Debts = bought.Where(d => d.Quantity != 0m).ToImmutableArray() };
        }

        var holdings = account.Holdings.ToBuilder();
        foreach (var step in steps)
            holdings[step.ItemIndex] = holdings[step.ItemIndex] with { Quantity = holdings[step.ItemIndex].Quantity - step.Quantity };
        var debts = account.Debts.ToBuilder();
        foreach (var r in repayments)
            debts[r.ItemIndex] = debts[r.ItemIndex] with { Quantity = debts[r.ItemIndex].Quantity - r.Quantity };
        return account with
        {
            Holdings = holdings.Where(h => h.Quantity != 0m).ToImmutableArray(),
            Debts = debts.Where(d => d.Quantity != 0m).ToImmutableArray(),
        };
    }
}
