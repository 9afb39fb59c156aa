using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade;
using MarginRules.Cascade.Engine;
using MarginRules.Evaluation;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Cascade.Reference;

/// <summary>
/// The record-based engine the struct-of-arrays engine replaced, kept unchanged as the oracle it must match bit for bit.
/// One cascade run. Each round is map → reduce → broadcast: partitions of accounts are evaluated and liquidated
/// independently against the round's prices (map); their sales, ledger movements and counts are summed in partition
/// order, and bad debt is resolved in account order (reduce); price impact sets the next round's prices (broadcast).
/// Results are bit-identical for any degree of parallelism.
/// </summary>
internal sealed class RecordCascadeRun
{
    private readonly CascadeSetup _setup;
    private readonly CascadeOptions _options;
    private readonly string[] _assets;
    private readonly string[] _instruments;
    private readonly int[] _instrumentUnderlying;
    private readonly Dictionary<string, int> _assetIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _instrumentIndex = new(StringComparer.Ordinal);
    private readonly decimal[] _startPrices;
    private readonly decimal[] _prices;
    private readonly decimal[] _referencePrices;
    private readonly decimal[] _cumulativeSold;
    private readonly decimal[] _volatility;
    private readonly decimal?[] _openInterest;
    private readonly PriceImpact[] _impacts;
    private readonly RecordVenueState[] _venues;
    private readonly Ledger _ledger;

    public RecordCascadeRun(CascadeSetup setup, CascadeOptions options)
    {
        _setup = setup;
        _options = options;
        if (setup.Assets.Count == 0) throw new CascadeException("the market has no assets");
        if (setup.Assets.Count > 64) throw new CascadeException($"the market has {setup.Assets.Count} assets; the engine supports at most 64");
        _assets = setup.Assets.Select(a => a.Symbol).ToArray();
        for (var a = 0; a < _assets.Length; a++)
        {
            if (!_assetIndex.TryAdd(_assets[a], a)) throw new CascadeException($"asset `{_assets[a]}` is listed twice");
            if (setup.Assets[a].Price <= 0) throw new CascadeException($"asset `{_assets[a]}` has a price of {setup.Assets[a].Price}; prices must be positive");
        }

        _instruments = setup.Instruments.Select(i => i.Symbol).ToArray();
        _instrumentUnderlying = new int[_instruments.Length];
        for (var i = 0; i < _instruments.Length; i++)
        {
            var instrument = setup.Instruments[i];
            if (_assetIndex.ContainsKey(instrument.Symbol) || !_instrumentIndex.TryAdd(instrument.Symbol, i))
                throw new CascadeException($"instrument `{instrument.Symbol}` is listed twice");
            if (!_assetIndex.TryGetValue(instrument.Underlying, out var underlying))
                throw new CascadeException($"instrument `{instrument.Symbol}` names an unknown underlying `{instrument.Underlying}`");
            _instrumentUnderlying[i] = underlying;
        }

        _startPrices = setup.Assets.Select(a => a.Price).ToArray();
        _prices = (decimal[])_startPrices.Clone();
        _referencePrices = (decimal[])_startPrices.Clone();
        _cumulativeSold = new decimal[_assets.Length];
        _volatility = setup.Assets.Select(a => a.Volatility).ToArray();
        _openInterest = setup.Assets.Select(a => a.OpenInterest).ToArray();
        _impacts = setup.Assets.Select(a => a.Impact).ToArray();

        foreach (var step in setup.Shock.Steps)
        foreach (var kv in step.Moves)
        {
            if (!_assetIndex.ContainsKey(kv.Key)) throw new CascadeException($"the shock names an unknown asset `{kv.Key}`");
            if (kv.Value <= -1m) throw new CascadeException($"the shock moves `{kv.Key}` by {kv.Value:P}; a move must be above −100%");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        _venues = new RecordVenueState[setup.Venues.Count];
        for (var v = 0; v < _venues.Length; v++)
        {
            var venue = setup.Venues[v];
            if (!names.Add(venue.Name)) throw new CascadeException($"venue `{venue.Name}` is listed twice");
            var accounts = venue.Accounts.ToArray();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var reserves = new decimal[accounts.Length];
            var masks = new ulong[accounts.Length];
            for (var i = 0; i < accounts.Length; i++)
            {
                var account = accounts[i];
                if (!ids.Add(account.Id)) throw new CascadeException($"venue `{venue.Name}` has two accounts with id `{account.Id}`");
                reserves[i] = venue.Reserves != null && venue.Reserves.TryGetValue(account.Id, out var r) ? r : 0m;
                masks[i] = Mask(venue.Name, account);
            }

            _venues[v] = new RecordVenueState(v, venue, accounts, reserves, masks);
        }

        _ledger = new Ledger(_assets.Length, _instruments.Length, _venues.Length);
        for (var v = 0; v < _venues.Length; v++) _ledger.InsuranceFunds[v] = setup.Venues[v].InsuranceFund;

        // Lenders hold the other side of every debt, and the market the other side of every position.
        foreach (var venue in _venues)
        foreach (var account in venue.Accounts)
        {
            foreach (var d in account.Debts) _ledger.LenderClaims[_assetIndex[d.Asset]] += d.Quantity;
            foreach (var p in account.Positions) _ledger.SinkPositions[_instrumentIndex[p.Symbol]] -= p.Size;
        }
    }

    private ulong Mask(string venue, Account account)
    {
        ulong mask = 0;
        foreach (var p in account.Positions)
        {
            if (!_instrumentIndex.TryGetValue(p.Symbol, out var i))
                throw new CascadeException($"venue `{venue}`, account `{account.Id}`: position on `{p.Symbol}`, which the market does not list as an instrument");
            mask |= 1UL << _instrumentUnderlying[i];
        }

        foreach (var h in account.Holdings) mask |= 1UL << AssetOf(venue, account, h.Asset);
        foreach (var d in account.Debts) mask |= 1UL << AssetOf(venue, account, d.Asset);
        return mask;
    }

    private int AssetOf(string venue, Account account, string asset) =>
        _assetIndex.TryGetValue(asset, out var a) ? a : throw new CascadeException($"venue `{venue}`, account `{account.Id}`: unknown asset `{asset}`");

    public CascadeResult Run(IProgress<CascadeProgress>? progress, CancellationToken cancellationToken)
    {
        var start = Totals();
        var rounds = new List<CascadeRound>();
        var stop = CascadeStopReason.RoundLimit;
        var liquidatedAccounts = 0;
        for (var round = 1; round <= _options.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var moved = ApplyShock(round);
            MarkDirty(moved);
            var market = BuildMarket();
            var prices = _assets.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => _prices[x.i], StringComparer.Ordinal);

            var outcomes = Map(round, market, cancellationToken);
            var reduced = Reduce(outcomes);
            var (badDebt, insuranceDrawn, adlEvents, adlAmount, socialized) = ResolveBadDebt(market, reduced);
            foreach (var venue in _venues)
                for (var i = 0; i < venue.LiquidatedThisRound.Count; i++)
                    if (!venue.Liquidated[venue.LiquidatedThisRound[i]])
                    {
                        venue.Liquidated[venue.LiquidatedThisRound[i]] = true;
                        liquidatedAccounts++;
                    }

            AgeLiquidations();

            var impactMoved = ApplyImpact(reduced.Sales);
            Ledger.Check(start, Totals(), round, _assets, _instruments);

            rounds.Add(new CascadeRound
            {
                Number = round,
                Prices = prices,
                MarginCalls = reduced.MarginCalls,
                TopUps = reduced.TopUps,
                TopUpAmount = reduced.TopUpAmount,
                Liquidations = reduced.Liquidations,
                LiquidatedNotional = ByAsset(reduced.LiquidatedNotional),
                NetSales = ByAsset(reduced.Sales),
                BadDebt = badDebt,
                InsuranceDrawn = insuranceDrawn,
                InsuranceFunds = _venues.ToDictionary(v => v.Setup.Name, v => _ledger.InsuranceFunds[v.Index], StringComparer.Ordinal),
                AdlEvents = adlEvents,
                AdlAmount = adlAmount,
                SocializedLoss = socialized,
                AccountsEvaluated = reduced.Evaluated,
            });
            progress?.Report(new CascadeProgress(round, _options.MaxRounds, liquidatedAccounts));
            MarkDirty(impactMoved);

            var quiet = reduced.Liquidations == 0 && reduced.TopUps == 0 && impactMoved == 0 && !reduced.CallsRunning && badDebt == 0m;
            if (quiet && round >= _setup.Shock.Count)
            {
                stop = CascadeStopReason.Fixpoint;
                break;
            }
        }

        return new CascadeResult(rounds, Summarise(rounds, stop, liquidatedAccounts), FinalAccounts(), ByAsset(_prices));
    }

    /// <summary>
    /// Counts the rounds since each account's last liquidation as the next round reads them: 1 after a liquidation in
    /// this round, one more for an account liquidated before, 0 for one never liquidated. When the policy reads the
    /// count, every account it is not 0 for is evaluated again, since its input changed.
    /// </summary>
    private void AgeLiquidations()
    {
        foreach (var venue in _venues)
        {
            var liquidated = new HashSet<int>(venue.LiquidatedThisRound);
            var reads = venue.Policy.Checked.ReadsRoundsSinceLiquidation;
            for (var i = 0; i < venue.Accounts.Length; i++)
            {
                var account = venue.Accounts[i];
                var since = liquidated.Contains(i) ? 1 : account.RoundsSinceLiquidation > 0 ? (int)Math.Min(account.RoundsSinceLiquidation + 1L, int.MaxValue) : 0;
                if (since != account.RoundsSinceLiquidation) venue.Accounts[i] = account with { RoundsSinceLiquidation = since };
                if (reads && since > 0) venue.Dirty[i] = true;
            }
        }
    }

    // ---------- Shock and prices ----------

    private ulong ApplyShock(int round)
    {
        if (round > _setup.Shock.Count) return 0;
        ulong moved = 0;
        foreach (var kv in _setup.Shock.Steps[round - 1].Moves)
        {
            var a = _assetIndex[kv.Key];
            if (kv.Value == 0m) continue;
            _prices[a] *= 1m + kv.Value;
            _referencePrices[a] *= 1m + kv.Value;
            UpdateVolatility(a, kv.Value);
            moved |= 1UL << a;
        }

        return moved;
    }

    private Market BuildMarket()
    {
        var quotes = new List<KeyValuePair<string, AssetQuote>>(_assets.Length + _instruments.Length);
        for (var a = 0; a < _assets.Length; a++) quotes.Add(new(_assets[a], new AssetQuote(_prices[a], _volatility[a], _openInterest[a])));
        for (var i = 0; i < _instruments.Length; i++)
        {
            var u = _instrumentUnderlying[i];
            quotes.Add(new(_instruments[i], new AssetQuote(_prices[u], _volatility[u], _openInterest[u])));
        }

        return new Market(quotes);
    }

    private ulong ApplyImpact(decimal[] sales)
    {
        ulong moved = 0;
        for (var a = 0; a < _assets.Length; a++)
        {
            if (sales[a] == 0m) continue;
            _cumulativeSold[a] += sales[a];
            var next = _impacts[a].NextPrice(new ImpactState(_referencePrices[a], _prices[a], sales[a], _cumulativeSold[a]));
            if (next != _prices[a])
            {
                UpdateVolatility(a, next / _prices[a] - 1m);
                _prices[a] = next;
                moved |= 1UL << a;
            }
        }

        return moved;
    }

    private void UpdateVolatility(int asset, decimal roundReturn)
    {
        var estimate = _options.Volatility;
        if (estimate == null) return;
        var variance = _volatility[asset] * _volatility[asset];
        variance = estimate.Lambda * variance + (1m - estimate.Lambda) * roundReturn * roundReturn * estimate.Scale;
        _volatility[asset] = MarginRules.Language.Runtime.PolicyMath.Sqrt(variance);
    }

    private void MarkDirty(ulong moved)
    {
        if (moved == 0) return;
        foreach (var venue in _venues)
            for (var i = 0; i < venue.Accounts.Length; i++)
                if ((venue.AssetMasks[i] & moved) != 0) venue.Dirty[i] = true;
    }

    // ---------- Map ----------

    private RecordPartitionOutcome[] Map(int round, Market market, CancellationToken cancellationToken)
    {
        var partitions = new List<(RecordVenueState Venue, int Start, int End)>();
        foreach (var venue in _venues)
        {
            venue.LiquidatedThisRound.Clear();
            venue.IsolatedShortfalls.Clear();
            for (var s = 0; s < venue.Accounts.Length; s += _options.PartitionSize)
                partitions.Add((venue, s, Math.Min(venue.Accounts.Length, s + _options.PartitionSize)));
        }

        var outcomes = new RecordPartitionOutcome[partitions.Count];
        Parallel.For(0, partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken }, p =>
        {
            var (venue, s, e) = partitions[p];
            outcomes[p] = RunPartition(round, market, venue, s, e);
        });

        for (var p = 0; p < partitions.Count; p++)
        {
            partitions[p].Venue.LiquidatedThisRound.AddRange(outcomes[p].LiquidatedAccounts);
            partitions[p].Venue.IsolatedShortfalls.AddRange(outcomes[p].IsolatedShortfalls);
        }

        return outcomes;
    }

    private RecordPartitionOutcome RunPartition(int round, Market market, RecordVenueState venue, int start, int end)
    {
        var outcome = new RecordPartitionOutcome(_assets.Length, _instruments.Length, _venues.Length);
        var policy = venue.Policy;
        var frame = policy.CreateFrame();
        for (var i = start; i < end; i++)
        {
            if (!venue.Dirty[i])
            {
                if (venue.Status[i] == MarginStatus.MarginCall) outcome.CallsRunning |= StillRunning(venue, i);
                continue;
            }

            var account = venue.Accounts[i];
            MarginStatus status;
            try
            {
                status = policy.Assess(account, market, frame);
                outcome.Evaluated++;
                venue.Dirty[i] = false;
                venue.Status[i] = status;
                switch (status)
                {
                    case MarginStatus.Liquidatable:
                        // Fixed with the new engine: an account with nothing left to take is not liquidated again.
                        venue.Dirty[i] = Liquidate(venue, i, account, market, frame, outcome);
                        break;
                    case MarginStatus.MarginCall:
                        Call(round, venue, i, account, frame, outcome);
                        break;
                    default:
                        if (account.CallRounds != 0) venue.Accounts[i] = account with { CallRounds = 0 };
                        break;
                }
            }
            catch (PolicyEvaluationException e)
            {
                throw new CascadeException($"venue `{venue.Setup.Name}`: {e.Message}", e);
            }
        }

        return outcome;
    }

    private static bool StillRunning(RecordVenueState venue, int i)
    {
        var call = venue.Policy.Checked.MarginCall;
        return call != null && venue.Accounts[i].CallRounds < call.Deadline;
    }

    private void Call(int round, RecordVenueState venue, int i, Account account, EvaluationFrame frame, RecordPartitionOutcome outcome)
    {
        var deadline = venue.Policy.Checked.MarginCall!.Deadline;
        if (account.CallRounds == 0)
        {
            outcome.MarginCalls++;
            var response = venue.Setup.Response;
            if (response.TopUpProbability > 0m && ResponseDraw.Uniform(response.Seed, venue.Index, i, round) < response.TopUpProbability)
            {
                var deposit = Math.Min(venue.Reserves[i], frame.CallAmount * response.TopUpFraction);
                if (deposit > 0m)
                {
                    venue.Reserves[i] -= deposit;
                    outcome.TopUps++;
                    outcome.TopUpAmount += deposit;
                    var met = deposit >= frame.CallAmount;
                    venue.Accounts[i] = account with { Wallet = account.Wallet + deposit, CallRounds = met ? 0 : 1 };
                    venue.Dirty[i] = true;
                    outcome.CallsRunning |= !met;
                    return;
                }
            }
        }

        // Unanswered: the call ages one round; an account that can still expire keeps the run going.
        venue.Accounts[i] = account with { CallRounds = account.CallRounds + 1 };
        venue.Dirty[i] = true;
        outcome.CallsRunning |= account.CallRounds < deadline;
    }

    private bool Liquidate(RecordVenueState venue, int i, Account account, Market market, EvaluationFrame frame, RecordPartitionOutcome outcome)
    {
        var instruction = venue.Policy.PlanLiquidation(account, market, frame);
        if (instruction.Steps.Count == 0 && instruction.Repayments.Count == 0) return false;
        var after = LiquidationPlanner.Apply(account, market, instruction) with { CallRounds = 0 };
        outcome.Liquidations++;
        outcome.LiquidatedAccounts.Add(i);
        if (instruction.Target == LiquidationTarget.Positions)
        {
            foreach (var step in instruction.Steps)
            {
                var position = account.Positions[step.ItemIndex];
                var instrument = _instrumentIndex[position.Symbol];
                var underlying = _instrumentUnderlying[instrument];
                var mark = _prices[underlying];

                // Closing q contracts sells q of the underlying (buys, for a short) at the mark; the market pays the PnL.
                outcome.SinkPositions[instrument] += step.Quantity;
                outcome.SinkCash -= step.Quantity * (mark - position.EntryPrice);
                outcome.Sales[underlying] += step.Quantity;
                outcome.LiquidatedNotional[underlying] += step.Value;
                Pay(venue, step.Penalties, outcome);

                // What an isolated position loses beyond its margin is settled against the fund with the bad debt.
                if (!position.Isolated) continue;
                var pnl = step.Quantity * (mark - position.EntryPrice);
                var shortfall = Math.Max(0m, -(position.IsolatedMargin + pnl - step.Penalties.Sum(x => x.Amount)));
                if (shortfall > 0m) outcome.IsolatedShortfalls.Add((i, shortfall));
            }
        }
        else if (instruction.Target == LiquidationTarget.Debts)
        {
            foreach (var step in instruction.Steps)
            {
                // The wallet (LiquidationPlanner.Apply) buys the debt asset from the market and returns it to the lender.
                var asset = _assetIndex[account.Debts[step.ItemIndex].Asset];
                outcome.SinkCash += step.Value;
                outcome.SinkUnits[asset] -= step.Quantity;
                outcome.LenderUnits[asset] += step.Quantity;
                outcome.LenderClaims[asset] -= step.Quantity;
                outcome.Sales[asset] -= step.Quantity;
                outcome.LiquidatedNotional[asset] += step.Value;
                Pay(venue, step.Penalties, outcome);
            }
        }
        else
        {
            foreach (var step in instruction.Steps)
            {
                // The liquidator takes the seized collateral and sells it to the market at once.
                var asset = _assetIndex[account.Holdings[step.ItemIndex].Asset];
                var proceeds = step.Quantity * _prices[asset];
                outcome.SinkUnits[asset] += step.Quantity;
                outcome.SinkCash -= proceeds;
                outcome.LiquidatorCash += proceeds;
                outcome.Sales[asset] += step.Quantity;
                outcome.LiquidatedNotional[asset] += step.Seized;

                // Penalty shares other than the liquidator's are paid on in cash.
                foreach (var p in step.Penalties)
                {
                    if (p.Recipient == PenaltyRecipient.Liquidator) continue;
                    outcome.LiquidatorCash -= p.Amount;
                    Credit(venue, p.Recipient, p.Amount, outcome);
                }
            }

            foreach (var r in instruction.Repayments)
            {
                // The liquidator buys the debt asset from the market and repays the lender.
                var asset = _assetIndex[r.Asset];
                var cost = r.Quantity * _prices[asset];
                outcome.LiquidatorCash -= cost;
                outcome.SinkCash += cost;
                outcome.SinkUnits[asset] -= r.Quantity;
                outcome.LenderUnits[asset] += r.Quantity;
                outcome.LenderClaims[asset] -= r.Quantity;
            }

            // size whole: LiquidationPlanner.Apply pays the credit above the debts into the wallet from the proceeds.
            outcome.LiquidatorCash -= instruction.Credit;
        }

        venue.Accounts[i] = after;
        return true;
    }

    private void Pay(RecordVenueState venue, IReadOnlyList<PenaltyAmount> penalties, RecordPartitionOutcome outcome)
    {
        // Position penalties leave the account's wallet (LiquidationPlanner.Apply) and arrive here.
        foreach (var p in penalties) Credit(venue, p.Recipient, p.Amount, outcome);
    }

    private static void Credit(RecordVenueState venue, PenaltyRecipient recipient, decimal amount, RecordPartitionOutcome outcome)
    {
        switch (recipient)
        {
            case PenaltyRecipient.Insurance: outcome.Insurance[venue.Index] += amount; break;
            case PenaltyRecipient.Protocol: outcome.ProtocolCash += amount; break;
            default: outcome.LiquidatorCash += amount; break;
        }
    }

    // ---------- Reduce ----------

    private RecordPartitionOutcome Reduce(RecordPartitionOutcome[] outcomes)
    {
        var total = new RecordPartitionOutcome(_assets.Length, _instruments.Length, _venues.Length);
        foreach (var o in outcomes)
        {
            for (var a = 0; a < _assets.Length; a++)
            {
                total.Sales[a] += o.Sales[a];
                total.LiquidatedNotional[a] += o.LiquidatedNotional[a];
                _ledger.SinkUnits[a] += o.SinkUnits[a];
                _ledger.LenderUnits[a] += o.LenderUnits[a];
                _ledger.LenderClaims[a] += o.LenderClaims[a];
            }

            for (var i = 0; i < _instruments.Length; i++) _ledger.SinkPositions[i] += o.SinkPositions[i];
            for (var v = 0; v < _venues.Length; v++) _ledger.InsuranceFunds[v] += o.Insurance[v];
            _ledger.SinkCash += o.SinkCash;
            _ledger.LiquidatorCash += o.LiquidatorCash;
            _ledger.ProtocolCash += o.ProtocolCash;
            total.MarginCalls += o.MarginCalls;
            total.TopUps += o.TopUps;
            total.TopUpAmount += o.TopUpAmount;
            total.Liquidations += o.Liquidations;
            total.Evaluated += o.Evaluated;
            total.CallsRunning |= o.CallsRunning;
        }

        return total;
    }

    // ---------- Bad debt: insurance fund, then ADL, then socialised loss ----------

    private (decimal BadDebt, decimal InsuranceDrawn, int AdlEvents, decimal AdlAmount, decimal Socialized) ResolveBadDebt(Market market, RecordPartitionOutcome reduced)
    {
        decimal badDebt = 0m, drawn = 0m, adlAmount = 0m, socialized = 0m;
        var adlEvents = 0;
        foreach (var venue in _venues)
        {
            // The fund covers deficits in account order; what it cannot cover is pooled, then ADL and the socialised
            // share are settled once per venue and round, so the cost does not grow with the number of bankruptcies.
            var shortfalls = new List<(int Account, decimal Amount)>();
            foreach (var (i, deficit) in venue.IsolatedShortfalls)
            {
                badDebt += deficit;
                var fromFund = Math.Min(deficit, Math.Max(0m, _ledger.InsuranceFunds[venue.Index]));
                _ledger.InsuranceFunds[venue.Index] -= fromFund;
                drawn += fromFund;
                venue.Accounts[i] = venue.Accounts[i] with { Wallet = venue.Accounts[i].Wallet + fromFund };
                if (deficit > fromFund) shortfalls.Add((i, deficit - fromFund));
            }

            foreach (var i in venue.LiquidatedThisRound)
            {
                var account = venue.Accounts[i];
                if (account.Positions.Length > 0 || account.Holdings.Length > 0 || account.Wallet >= 0m) continue;
                var deficit = -account.Wallet;
                badDebt += deficit;
                var fromFund = Math.Min(deficit, Math.Max(0m, _ledger.InsuranceFunds[venue.Index]));
                _ledger.InsuranceFunds[venue.Index] -= fromFund;
                drawn += fromFund;
                venue.Accounts[i] = account with { Wallet = account.Wallet + fromFund };
                if (deficit > fromFund) shortfalls.Add((i, deficit - fromFund));
            }

            if (shortfalls.Count > 0)
            {
                var (events, fromAdl) = Deleverage(venue, shortfalls, market);
                adlEvents += events;
                adlAmount += fromAdl;
                socialized += Socialize(venue, shortfalls);
            }

            foreach (var i in venue.LiquidatedThisRound)
            {
                var account = venue.Accounts[i];
                if (account.Positions.Length > 0 || account.Holdings.Length > 0) continue;

                // A buy-in rule pays for debts from the wallet, so a wallet covering every debt's value still backs them.
                if (venue.Policy.BuysIn
                    && account.Wallet >= account.Debts.Sum(d => d.Quantity * _prices[_assetIndex[d.Asset]])) continue;
                if (account.Debts.Length > 0)
                {
                    // Collateral is gone and debt remains: the insurance fund repays what it can, lenders write off the rest.
                    var debts = ImmutableArray.CreateBuilder<Debt>();
                    foreach (var d in venue.Accounts[i].Debts)
                    {
                        var a = _assetIndex[d.Asset];
                        var value = d.Quantity * _prices[a];
                        badDebt += value;
                        var pay = Math.Min(value, Math.Max(0m, _ledger.InsuranceFunds[venue.Index]));
                        var repaidUnits = pay == value ? d.Quantity : pay / _prices[a];
                        if (pay > 0m)
                        {
                            var cost = repaidUnits * _prices[a];
                            _ledger.InsuranceFunds[venue.Index] -= cost;
                            _ledger.SinkCash += cost;
                            _ledger.SinkUnits[a] -= repaidUnits;
                            _ledger.LenderUnits[a] += repaidUnits;
                            drawn += cost;
                        }

                        var writtenOff = d.Quantity - repaidUnits;
                        _ledger.LenderClaims[a] -= d.Quantity;
                        socialized += writtenOff * _prices[a];
                    }

                    venue.Accounts[i] = venue.Accounts[i] with { Debts = debts.ToImmutable() };
                }
            }
        }

        return (badDebt, drawn, adlEvents, adlAmount, socialized);
    }

    /// <summary>
    /// Closes profitable positions of other accounts, highest ADL rank first, diverting their realised profit to the
    /// bankrupt accounts (in account order) until their shortfalls are covered. ADL trades happen off the order book,
    /// so they move no price. Covered amounts are taken off <paramref name="shortfalls"/>.
    /// </summary>
    private (int Events, decimal Amount) Deleverage(RecordVenueState venue, List<(int Account, decimal Amount)> shortfalls, Market market)
    {
        if (venue.Policy.Checked.Adl == null) return (0, 0m);
        var bankrupt = new HashSet<int>(shortfalls.Select(x => x.Account));
        var candidates = new List<(decimal Rank, int Account, int Position)>();
        for (var i = 0; i < venue.Accounts.Length; i++)
        {
            if (bankrupt.Contains(i)) continue;
            var account = venue.Accounts[i];
            if (account.Positions.Length == 0) continue;
            decimal[]? ranks = null;
            for (var k = 0; k < account.Positions.Length; k++)
            {
                var p = account.Positions[k];
                if (p.Size * (market.Price(p.Symbol) - p.EntryPrice) <= 0m) continue;
                ranks ??= venue.Policy.AdlRanks(account, market);
                candidates.Add((ranks[k], i, k));
            }
        }

        var events = 0;
        var covered = 0m;
        var touched = new HashSet<int>();
        var next = 0;
        var ordered = candidates.OrderByDescending(c => c.Rank).ThenBy(c => c.Account).ThenBy(c => c.Position).ToList();
        for (var s = 0; s < shortfalls.Count; s++)
        {
            var (target, need) = shortfalls[s];
            while (need > 0m && next < ordered.Count)
            {
                var (_, i, k) = ordered[next];
                var account = venue.Accounts[i];
                var p = account.Positions[k];
                var mark = market.Price(p.Symbol);
                var upnl = p.Size * (mark - p.EntryPrice);
                if (upnl <= 0m)
                {
                    next++;
                    continue;
                }

                var take = Math.Min(need, upnl);
                var quantity = take == upnl ? p.Size : p.Size * take / upnl;
                var realised = quantity * (mark - p.EntryPrice);

                // Closed positions stay at size 0 until every candidate is done, so candidate indices stay valid.
                venue.Accounts[i] = account with { Positions = account.Positions.SetItem(k, p with { Size = p.Size - quantity }) };
                venue.Dirty[i] = true;
                touched.Add(i);
                _ledger.SinkPositions[_instrumentIndex[p.Symbol]] += quantity;
                _ledger.SinkCash -= realised;
                venue.Accounts[target] = venue.Accounts[target] with { Wallet = venue.Accounts[target].Wallet + realised };
                covered += realised;
                events++;

                // A partial close covers the rest of the need (up to decimal rounding); a full close moves on.
                if (quantity == p.Size)
                {
                    need -= realised;
                    next++;
                }
                else
                {
                    need = 0m;
                }
            }

            shortfalls[s] = (target, Math.Max(0m, need));
        }

        foreach (var i in touched)
            venue.Accounts[i] = venue.Accounts[i] with { Positions = venue.Accounts[i].Positions.Where(x => x.Size != 0m).ToImmutableArray() };
        return (events, covered);
    }

    /// <summary>
    /// Spreads the remaining shortfalls over the venue's other accounts in proportion to their positive wallets, once
    /// per round; each bankrupt account is credited its own shortfall (in account order while the pool lasts).
    /// </summary>
    private decimal Socialize(RecordVenueState venue, List<(int Account, decimal Amount)> shortfalls)
    {
        var deficit = shortfalls.Sum(x => x.Amount);
        if (deficit <= 0m) return 0m;
        var bankrupt = new HashSet<int>(shortfalls.Select(x => x.Account));
        decimal total = 0m;
        var last = -1;
        for (var i = 0; i < venue.Accounts.Length; i++)
        {
            if (bankrupt.Contains(i) || venue.Accounts[i].Wallet <= 0m) continue;
            total += venue.Accounts[i].Wallet;
            last = i;
        }

        if (total <= 0m) return 0m;
        var amount = Math.Min(deficit, total);
        var taken = 0m;
        for (var i = 0; i <= last; i++)
        {
            if (bankrupt.Contains(i) || venue.Accounts[i].Wallet <= 0m) continue;

            // The last payer takes the remainder, so the shares add up to the amount exactly.
            var share = i == last ? amount - taken : amount * venue.Accounts[i].Wallet / total;
            venue.Accounts[i] = venue.Accounts[i] with { Wallet = venue.Accounts[i].Wallet - share };
            venue.Dirty[i] = true;
            taken += share;
        }

        var left = amount;
        foreach (var (target, need) in shortfalls)
        {
            // Fixed with the new engine: a shortfall that ADL covered no longer stops the credits.
            if (left <= 0m) break;
            var credit = Math.Min(need, left);
            if (credit <= 0m) continue;
            venue.Accounts[target] = venue.Accounts[target] with { Wallet = venue.Accounts[target].Wallet + credit };
            left -= credit;
        }

        return amount;
    }

    // ---------- Totals and reports ----------

    private Ledger.Totals Totals()
    {
        var cash = 0m;
        var units = new decimal[_assets.Length];
        var contracts = new decimal[_instruments.Length];
        foreach (var venue in _venues)
        {
            for (var i = 0; i < venue.Accounts.Length; i++)
            {
                var account = venue.Accounts[i];
                cash += account.Wallet + venue.Reserves[i];
                foreach (var h in account.Holdings) units[_assetIndex[h.Asset]] += h.Quantity;
                foreach (var d in account.Debts) units[_assetIndex[d.Asset]] -= d.Quantity;
                foreach (var p in account.Positions) contracts[_instrumentIndex[p.Symbol]] += p.Size;
            }
        }

        return _ledger.Add(cash, units, contracts);
    }

    private IReadOnlyDictionary<string, decimal> ByAsset(decimal[] values)
    {
        var d = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var a = 0; a < _assets.Length; a++) d[_assets[a]] = values[a];
        return d;
    }

    private IReadOnlyDictionary<string, IReadOnlyList<Account>> FinalAccounts() =>
        _venues.ToDictionary(v => v.Setup.Name, v => (IReadOnlyList<Account>)v.Accounts.ToArray(), StringComparer.Ordinal);

    private CascadeSummary Summarise(List<CascadeRound> rounds, CascadeStopReason stop, int liquidatedAccounts)
    {
        var shock = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var final = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var amplification = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var a = 0; a < _assets.Length; a++)
        {
            var compounded = 1m;
            foreach (var step in _setup.Shock.Steps) compounded *= 1m + step.MoveOf(_assets[a]);
            shock[_assets[a]] = compounded - 1m;
            final[_assets[a]] = _prices[a] / _startPrices[a] - 1m;
            if (compounded != 1m) amplification[_assets[a]] = final[_assets[a]] / shock[_assets[a]];
        }

        return new CascadeSummary
        {
            InitialShock = shock,
            FinalMove = final,
            Amplification = amplification,
            TotalLiquidated = rounds.Sum(r => r.LiquidatedNotional.Values.Sum()),
            AccountsLiquidated = liquidatedAccounts,
            BadDebt = rounds.Sum(r => r.BadDebt),
            InsuranceDrawn = rounds.Sum(r => r.InsuranceDrawn),
            AdlEvents = rounds.Sum(r => r.AdlEvents),
            SocializedLoss = rounds.Sum(r => r.SocializedLoss),
            MarginCalls = rounds.Sum(r => r.MarginCalls),
            Rounds = rounds.Count,
            StopReason = stop,
        };
    }
}
