using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Cascade.Impact;
using MarginRules.Evaluation;
using MarginRules.Language.Syntax;

namespace MarginRules.Cascade.Engine;

/// <summary>
/// One cascade run. Each round is map → reduce → broadcast: partitions of accounts are evaluated and liquidated
/// independently against the round's prices (map); their sales, ledger movements and counts are summed in partition
/// order, and bad debt is resolved in account order (reduce); price impact sets the next round's prices (broadcast).
/// Account state lives in each <see cref="VenueState"/>'s flat arrays and liquidations apply there in place; records
/// are built only for the compiled policy and the result. Results are bit-identical for any degree of parallelism.
/// </summary>
internal sealed class CascadeRun
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
    private readonly VenueState[] _venues;
    private readonly Ledger _ledger;
    private readonly List<Partition> _partitions = new();

    // Health certificates (CascadeOptions.CertificateBand): the prices and volatilities each round's certificates were
    // proved at, and per round the assets whose price and volatility are still inside that round's band.
    private readonly HealthCertifier[] _certifiers;
    private readonly bool _certify;
    private readonly List<(decimal[] Prices, decimal[] Volatility)> _certifiedAt = new();
    private ulong[] _inside = [];
    private HealthCertifier.Box? _box;

    // Per venue: whether the last round needed ADL, so this round ranks healthy accounts as it evaluates them.
    private readonly bool[] _adlLastRound;

    // Per partition, reused every round: candidates ranked in the map step, ranked for ADL, and deferred by their bound.
    private readonly List<AdlCandidate>?[] _eagerRanks;
    private readonly List<AdlCandidate>?[] _foundRanks;
    private readonly List<(int Account, double Bound)>?[] _deferredRanks;

    // Per partition, reused every round: accounts found healthy, due a certificate once the round's bad debt is settled.
    private readonly List<int>?[] _due;

    /// <summary>Prepares a run; with a seed, the accounts it certified start with those certificates.</summary>
    public CascadeRun(CascadeSetup setup, CascadeOptions options, CertificateSeed? seed = null)
    {
        _setup = setup;
        _options = options;
        if (setup.Assets.Count == 0) throw new CascadeException("the market has no assets");
        if (options.CertificateBand < 0m || options.CertificateBand >= 1m)
            throw new CascadeException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the certificate band is {options.CertificateBand}; it must be at least 0 and below 1"));
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
        // The open interest stays as set up: the population is a sample of the market, not all of its open positions.
        _openInterest = setup.Assets.Select(a => a.OpenInterest).ToArray();
        _impacts = setup.Assets.Select(a => a.Impact).ToArray();

        foreach (var step in setup.Shock.Steps)
        foreach (var kv in step.Moves)
        {
            if (!_assetIndex.ContainsKey(kv.Key)) throw new CascadeException($"the shock names an unknown asset `{kv.Key}`");
            if (kv.Value <= -1m) throw new CascadeException($"the shock moves `{kv.Key}` by {kv.Value:P}; a move must be above −100%");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        _venues = new VenueState[setup.Venues.Count];
        for (var v = 0; v < _venues.Length; v++)
        {
            var venue = setup.Venues[v];
            if (!names.Add(venue.Name)) throw new CascadeException($"venue `{venue.Name}` is listed twice");
            _venues[v] = new VenueState(v, venue, _instrumentIndex, _assetIndex, _instruments, _assets, _instrumentUnderlying);
        }

        // A certificate is proved by interval evaluation; a policy's certifier is built once and shared by every run.
        _certifiers = _venues.Select(v => v.Policy.Certifier).ToArray();
        _certify = options.CertificateBand > 0m;
        _adlLastRound = new bool[_venues.Length];
        if (seed != null && _certify) Plant(seed);

        _ledger = new Ledger(_assets.Length, _instruments.Length, _venues.Length);
        for (var v = 0; v < _venues.Length; v++) _ledger.InsuranceFunds[v] = setup.Venues[v].InsuranceFund;

        // Lenders hold the other side of every debt, and the market the other side of every position.
        foreach (var venue in _venues)
        {
            for (var k = 0; k < venue.DebtAsset.Length; k++) _ledger.LenderClaims[venue.DebtAsset[k]] += venue.DebtQuantity[k];
            for (var k = 0; k < venue.PositionInstrument.Length; k++) _ledger.SinkPositions[venue.PositionInstrument[k]] -= venue.PositionSize[k];
        }

        // Partitions are fixed by the partition size alone, so every per-partition sum is the same for any thread count.
        foreach (var venue in _venues)
            for (var s = 0; s < venue.Count; s += options.PartitionSize)
                _partitions.Add(new Partition(venue, s, Math.Min(venue.Count, s + options.PartitionSize)));
        _eagerRanks = new List<AdlCandidate>?[_partitions.Count];
        _foundRanks = new List<AdlCandidate>?[_partitions.Count];
        _deferredRanks = new List<(int, double)>?[_partitions.Count];
        _due = new List<int>?[_partitions.Count];
    }

    public CascadeResult Run(IProgress<CascadeProgress>? progress, CancellationToken cancellationToken)
    {
        var start = Totals(cancellationToken);
        var rounds = new List<CascadeRound>();
        var stop = CascadeStopReason.RoundLimit;
        var liquidatedAccounts = 0;
        ulong moved = 0;
        for (var round = 1; round <= _options.MaxRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var venue in _venues) venue.Round = round;
            moved |= ApplyShock(round);
            var market = BuildMarket();
            var prices = _assets.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => _prices[x.i], StringComparer.Ordinal);

            var outcomes = Map(round, moved, market, cancellationToken);
            var reduced = Reduce(outcomes);
            var badDebtByVenue = new decimal[_venues.Length];
            var (badDebt, insuranceDrawn, adlEvents, adlAmount, socialized) = ResolveBadDebt(round, market, outcomes, badDebtByVenue, cancellationToken);
            if (_certify) CertifyHealthy(round, cancellationToken);
            foreach (var venue in _venues)
                for (var i = 0; i < venue.LiquidatedThisRound.Count; i++)
                {
                    var liquidated = venue.LiquidatedThisRound[i];
                    if (!venue.LiquidatedInRun(liquidated)) liquidatedAccounts++;
                    venue.LastLiquidation[liquidated] = round;
                }

            var impactMoved = ApplyImpact(reduced.Sales);
            Ledger.Check(start, Totals(cancellationToken), round, _assets, _instruments);

            rounds.Add(new CascadeRound
            {
                Number = round,
                Prices = prices,
                MarginCalls = reduced.MarginCalls,
                TopUps = reduced.TopUps,
                TopUpAmount = reduced.TopUpAmount,
                Liquidations = reduced.Liquidations,
                LiquidationsByVenue = ByVenue(LiquidationsByVenue(outcomes)),
                Penalties = ByRecipient(reduced.Penalties),
                LiquidatedNotional = ByAsset(reduced.LiquidatedNotional),
                NetSales = ByAsset(reduced.Sales),
                BadDebt = badDebt,
                BadDebtByVenue = ByVenue(badDebtByVenue),
                InsuranceDrawn = insuranceDrawn,
                InsuranceFunds = _venues.ToDictionary(v => v.Setup.Name, v => _ledger.InsuranceFunds[v.Index], StringComparer.Ordinal),
                AdlEvents = adlEvents,
                AdlAmount = adlAmount,
                SocializedLoss = socialized,
                AccountsEvaluated = reduced.Evaluated,
                AccountsCertified = reduced.Certified,
            });
            progress?.Report(new CascadeProgress(round, _options.MaxRounds, liquidatedAccounts));
            moved = impactMoved;

            var quiet = reduced.Liquidations == 0 && reduced.TopUps == 0 && impactMoved == 0 && !reduced.CallsRunning && badDebt == 0m;
            if (quiet && round >= _setup.Shock.Count)
            {
                stop = CascadeStopReason.Fixpoint;
                break;
            }
        }

        // The final accounts count rounds since a liquidation as the next round would read them.
        foreach (var venue in _venues) venue.Round = rounds.Count + 1;
        return new CascadeResult(rounds, Summarise(rounds, stop, liquidatedAccounts), FinalAccounts(), ByAsset(_prices));
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

    // ---------- Parallel partitions ----------

    /// <summary>Runs <paramref name="body"/> once per partition; an engine error from any partition surfaces unwrapped.</summary>
    private void ForEachPartition(Action<int> body, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, _partitions.Count, options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // An engine error already names the venue and the account; when several partitions fail, one is reported.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    // ---------- Map ----------

    private PartitionOutcome[] Map(int round, ulong moved, Market market, CancellationToken cancellationToken)
    {
        foreach (var venue in _venues)
        {
            venue.LiquidatedThisRound.Clear();
            venue.IsolatedShortfalls.Clear();
        }

        if (_certify)
        {
            TrackCertificateBands();
            _box = HealthCertifier.CreateBox(market, _options.CertificateBand);
        }
        var outcomes = new PartitionOutcome[_partitions.Count];
        ForEachPartition(p => outcomes[p] = RunPartition(round, moved, market, p), cancellationToken);
        for (var p = 0; p < _partitions.Count; p++)
        {
            _partitions[p].Venue.LiquidatedThisRound.AddRange(outcomes[p].LiquidatedAccounts);
            _partitions[p].Venue.IsolatedShortfalls.AddRange(outcomes[p].IsolatedShortfalls);
        }

        return outcomes;
    }

    /// <summary>
    /// Records this round's prices as the centre of the certificates proved now, and marks for every centre so far (a
    /// planted seed's, then one per round) the assets whose price is still inside its band and whose volatility has not
    /// changed. A certificate names its centre by its 1-based entry.
    /// </summary>
    private void TrackCertificateBands()
    {
        var band = _options.CertificateBand;
        _certifiedAt.Add(((decimal[])_prices.Clone(), (decimal[])_volatility.Clone()));
        _inside = new ulong[_certifiedAt.Count + 1];
        for (var r = 1; r <= _certifiedAt.Count; r++)
        {
            var (prices, volatility) = _certifiedAt[r - 1];
            ulong inside = 0;
            for (var a = 0; a < _assets.Length; a++)
            {
                if (_prices[a] >= HealthCertifier.Lower(prices[a], band) && _prices[a] <= HealthCertifier.Upper(prices[a], band) && _volatility[a] == volatility[a])
                    inside |= 1UL << a;
            }

            _inside[r] = inside;
        }
    }

    /// <summary>
    /// Certificates for the initial state at this setup's round-1 prices (the prices after the shock's first step), for
    /// other runs over the same venues and market to start from (<see cref="CascadeEngine.Sweep"/>). An account on call
    /// gets none: its evaluation would end the call, which a skipped evaluation would not.
    /// </summary>
    public CertificateSeed Seed(CancellationToken cancellationToken)
    {
        ApplyShock(1);
        var box = HealthCertifier.CreateBox(BuildMarket(), _options.CertificateBand);
        var venues = new CertificateSeed.VenueCertificates?[_venues.Length];
        foreach (var venue in _venues)
        {
            var certifier = _certifiers[venue.Index];
            if (!certifier.Supported) continue;
            var certificates = new CertificateSeed.VenueCertificates(venue.Count, venue.CertifiedRankBounds != null);
            var scratch = certifier.CreateScratch();
            for (var i = 0; i < venue.Count; i++)
            {
                if ((i & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (venue.CallRounds[i] != 0 || !certifier.Certify(venue.View(i), box, scratch)) continue;
                certificates.Certified[i] = true;
                certificates.WalletLow[i] = scratch.WalletAcceptLow;
                certificates.WalletHigh[i] = scratch.WalletAcceptHigh;
                if (certificates.RankBounds != null) certificates.RankBounds[i] = AboveOrInfinite(certifier.RankBound(scratch));
            }

            venues[venue.Index] = certificates;
        }

        return new CertificateSeed((decimal[])_prices.Clone(), (decimal[])_volatility.Clone(), venues);
    }

    /// <summary>Gives every account the seed certified its certificate, proved at the seed's prices (entry 1 of the centres).</summary>
    private void Plant(CertificateSeed seed)
    {
        if (seed.Prices.Length != _assets.Length || seed.Venues.Length != _venues.Length) return;
        _certifiedAt.Add((seed.Prices, seed.Volatility));
        var entry = _certifiedAt.Count;
        foreach (var venue in _venues)
        {
            if (seed.Venues[venue.Index] is not { } certificates || certificates.Certified.Length != venue.Count) continue;
            for (var i = 0; i < venue.Count; i++)
            {
                if (!certificates.Certified[i]) continue;
                venue.Certificates[i] = entry;
                venue.CertifiedWalletLow[i] = certificates.WalletLow[i];
                venue.CertifiedWalletHigh[i] = certificates.WalletHigh[i];
                if (venue.CertifiedRankBounds != null) venue.CertifiedRankBounds[i] = certificates.RankBounds?[i] ?? double.PositiveInfinity;
            }
        }
    }

    /// <summary>The assets whose prices the account's evaluation reads: its items', or all when the policy reads the market by symbol.</summary>
    private ulong NeededAssets(VenueState venue, int i) =>
        _certifiers[venue.Index].ReadsMarketDirectly ? ulong.MaxValue >> (64 - _assets.Length) : venue.AssetMasks[i];

    /// <summary>True when the account holds a certificate whose prices and wallet band still contain the present ones.</summary>
    private bool StillCertified(VenueState venue, int i)
    {
        var entry = venue.Certificates[i];
        if (entry <= 0) return false;
        var needed = NeededAssets(venue, i);
        if ((needed & ~_inside[entry]) != 0) return false;
        var w = (double)venue.Wallets[i];
        return w >= venue.CertifiedWalletLow[i] && w <= venue.CertifiedWalletHigh[i];
    }

    /// <summary>
    /// After the round's bad debt is settled: every account found healthy this round whose state nothing has changed
    /// since (ADL, socialised losses and calls mark an account dirty) is offered a certificate for the round's box. Done
    /// after ADL rather than at evaluation because ADL takes the healthy accounts in profit first, which would end their
    /// certificates at once. Rank bounds are proved too after a round that needed ADL, the sign that the next may.
    /// </summary>
    private void CertifyHealthy(int round, CancellationToken cancellationToken)
    {
        ForEachPartition(p =>
        {
            var venue = _partitions[p].Venue;
            var due = _due[p];
            var certifier = _certifiers[venue.Index];
            if (due == null || due.Count == 0 || !certifier.Supported) return;
            var scratch = certifier.CreateScratch();
            var bound = _adlLastRound[venue.Index];
            foreach (var i in due)
            {
                if (venue.Dirty[i]) continue;
                if (certifier.Certify(venue.View(i), _box!, scratch))
                {
                    // The centre of this round's box is the last entry TrackCertificateBands added.
                    venue.Certificates[i] = _certifiedAt.Count;
                    venue.CertifiedWalletLow[i] = scratch.WalletAcceptLow;
                    venue.CertifiedWalletHigh[i] = scratch.WalletAcceptHigh;
                    if (venue.CertifiedRankBounds != null) venue.CertifiedRankBounds[i] = bound ? AboveOrInfinite(certifier.RankBound(scratch)) : double.PositiveInfinity;
                }
                else
                {
                    venue.Certificates[i] = 0;
                }
            }
        }, cancellationToken);
    }

    private PartitionOutcome RunPartition(int round, ulong moved, Market market, int p)
    {
        var partition = _partitions[p];
        var outcome = new PartitionOutcome(_assets.Length, _instruments.Length, _venues.Length) { AdlCandidates = Reused(_eagerRanks, p) };
        var venue = partition.Venue;
        var policy = venue.Policy;
        var certify = _certify && _certifiers[venue.Index].Supported;
        var due = certify ? Reused(_due, p) : null;

        // In a round likely to need ADL (the first, and any after a round that did), healthy accounts are ranked from
        // the frame their evaluation just filled, which saves evaluating them again should ADL be needed.
        var eager = venue.RankedInRound != null && (round == 1 || _adlLastRound[venue.Index]);
        var ages = policy.Checked.ReadsRoundsSinceLiquidation;
        var frame = policy.CreateFrame();
        for (var i = partition.Start; i < partition.End; i++)
        {
            // An account is evaluated when its own state changed or a price it depends on moved, or, when the policy
            // reads account.rounds_since_liquidation, once it has been liquidated: that count changes every round.
            if (!venue.Dirty[i] && (NeededAssets(venue, i) & moved) == 0 && !(ages && venue.LastLiquidation[i] != VenueState.NeverLiquidated))
            {
                if (venue.Status[i] == MarginStatus.MarginCall) outcome.CallsRunning |= StillRunning(venue, i);
                continue;
            }

            // ...unless its certificate proves it healthy for where the prices and its wallet now are. Its items and
            // call rounds cannot have changed: changing them ends the certificate.
            if (certify && StillCertified(venue, i))
            {
                venue.Dirty[i] = false;
                outcome.Certified++;
                continue;
            }

            var account = venue.View(i);
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
                        venue.Certificates[i] = 0;

                        // Marked again so the reduce step sees this round's liquidation, and the next round re-evaluates.
                        // An account with nothing left to take stays as it is: liquidating it again would count its
                        // unresolved deficit as new bad debt every round and keep the run from reaching its fixpoint.
                        venue.Dirty[i] = Liquidate(venue, i, account, market, frame, outcome);
                        break;
                    case MarginStatus.MarginCall:
                        venue.Certificates[i] = 0;
                        Call(round, venue, i, frame, outcome);
                        break;
                    default:
                        if (venue.CallRounds[i] != 0)
                        {
                            venue.CallRounds[i] = 0;
                            venue.Certificates[i] = 0;
                            venue.Touch(i);
                        }
                        else
                        {
                            if (eager) Rank(round, venue, i, account, market, frame, outcome.AdlCandidates);
                            due?.Add(i);
                        }

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

    /// <summary>Ranks the account from its evaluation frame in the map step, and records that it was ranked this round.</summary>
    private void Rank(int round, VenueState venue, int i, Account account, Market market, EvaluationFrame frame, List<AdlCandidate> candidates)
    {
        if (!HasProfit(venue, i)) return;
        Rank(venue, i, account, market, frame, candidates);
        venue.RankedInRound![i] = round;
    }

    /// <summary>Adds the account's profitable positions with their ADL ranks; the frame must hold the account's evaluation.</summary>
    private void Rank(VenueState venue, int i, Account account, Market market, EvaluationFrame frame, List<AdlCandidate> candidates)
    {
        for (var k = 0; k < venue.PositionCount[i]; k++)
        {
            var slot = venue.PositionStart[i] + k;
            var mark = _prices[_instrumentUnderlying[venue.PositionInstrument[slot]]];
            if (venue.PositionSize[slot] * (mark - venue.PositionEntry[slot]) <= 0m) continue;
            candidates.Add(new AdlCandidate(venue.Policy.AdlRank(account, market, frame, k), i, k));
        }
    }

    /// <summary>A partition's list from a pool, emptied; each partition is run by one thread at a time.</summary>
    private static List<T> Reused<T>(List<T>?[] pool, int p)
    {
        var list = pool[p] ??= new List<T>();
        list.Clear();
        return list;
    }

    /// <summary>A double at or above a decimal: the conversion's error is far below 10⁻¹⁵ of the value.</summary>
    private static double Above(decimal value)
    {
        var d = (double)value;
        return d == 0 ? 0 : Math.BitIncrement(d + Math.Abs(d) * 1e-15);
    }

    /// <summary><see cref="Above"/>, with <see cref="decimal.MaxValue"/> (no bound) as infinity.</summary>
    /// <summary>The value of the account's debts at this round's prices.</summary>
    private decimal DebtValue(VenueState venue, int i)
    {
        var total = 0m;
        for (int k = venue.DebtStart[i], end = k + venue.DebtCount[i]; k < end; k++) total += venue.DebtQuantity[k] * _prices[venue.DebtAsset[k]];
        return total;
    }

    private static double AboveOrInfinite(decimal value) => value == decimal.MaxValue ? double.PositiveInfinity : Above(value);

    /// <summary>True when one of the account's positions is in profit at the current marks, so ADL may close it.</summary>
    private bool HasProfit(VenueState venue, int i)
    {
        for (int k = venue.PositionStart[i], end = k + venue.PositionCount[i]; k < end; k++)
            if (venue.PositionSize[k] * (_prices[_instrumentUnderlying[venue.PositionInstrument[k]]] - venue.PositionEntry[k]) > 0m) return true;
        return false;
    }

    private static bool StillRunning(VenueState venue, int i)
    {
        var call = venue.Policy.Checked.MarginCall;
        return call != null && venue.CallRounds[i] < call.Deadline;
    }

    private static void Call(int round, VenueState venue, int i, EvaluationFrame frame, PartitionOutcome outcome)
    {
        var deadline = venue.Policy.Checked.MarginCall!.Deadline;
        var callRounds = venue.CallRounds[i];
        venue.Touch(i);
        venue.Dirty[i] = true;
        if (callRounds == 0)
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
                    venue.Wallets[i] += deposit;
                    venue.CallRounds[i] = met ? 0 : 1;
                    outcome.CallsRunning |= !met;
                    return;
                }
            }
        }

        // Unanswered: the call ages one round; an account that can still expire keeps the run going.
        venue.CallRounds[i] = callRounds + 1;
        outcome.CallsRunning |= callRounds < deadline;
    }

    /// <summary>Carries out the policy's liquidation in place; false when it would take nothing.</summary>
    private bool Liquidate(VenueState venue, int i, Account account, Market market, EvaluationFrame frame, PartitionOutcome outcome)
    {
        var instruction = venue.Policy.PlanLiquidation(account, market, frame);
        if (instruction.Steps.Count == 0 && instruction.Repayments.Count == 0) return false;
        outcome.Liquidations++;
        outcome.LiquidatedAccounts.Add(i);
        if (instruction.Target == LiquidationTarget.Positions)
        {
            // LiquidationPlanner.Apply, in place: each step realises its PnL at the mark and pays its penalties from the wallet.
            var wallet = venue.Wallets[i];
            foreach (var step in instruction.Steps)
            {
                var k = venue.PositionStart[i] + step.ItemIndex;
                var instrument = venue.PositionInstrument[k];
                var underlying = _instrumentUnderlying[instrument];
                var mark = _prices[underlying];
                var entry = venue.PositionEntry[k];

                // Closing q contracts sells q of the underlying (buys, for a short) at the mark; the market pays the PnL.
                outcome.SinkPositions[instrument] += step.Quantity;
                outcome.SinkCash -= step.Quantity * (mark - entry);
                outcome.Sales[underlying] += step.Quantity;
                outcome.LiquidatedNotional[underlying] += step.Value;
                Pay(venue, step.Penalties, outcome);

                var pnl = step.Quantity * (mark - entry);
                wallet += pnl;
                foreach (var penalty in step.Penalties) wallet -= penalty.Amount;
                venue.PositionSize[k] -= step.Quantity;

                // An isolated position's loss is borne by its own margin; what goes beyond it is not the cross
                // wallet's but the venue's, settled with the round's bad debt (insurance fund, then ADL, then
                // socialised), which credits the wallet back.
                if (venue.PositionIsolated?[k] == true)
                {
                    var margin = venue.PositionIsolatedMargin![k];
                    var shortfall = LiquidationPlanner.IsolatedShortfall(margin, pnl, step.Penalties);
                    if (shortfall > 0m) outcome.IsolatedShortfalls.Add((i, shortfall));
                    venue.PositionIsolatedMargin[k] = LiquidationPlanner.IsolatedMarginAfter(margin, pnl, step.Penalties);
                }
            }

            venue.Wallets[i] = wallet;
            venue.CompactPositions(i);
        }
        else if (instruction.Target == LiquidationTarget.Debts)
        {
            // LiquidationPlanner.Apply, in place: the wallet buys the debt asset from the market at the mark (a market
            // buy, which moves the price up) and returns it to the lender, then pays the penalties. It may go below 0.
            var wallet = venue.Wallets[i];
            foreach (var step in instruction.Steps)
            {
                var k = venue.DebtStart[i] + step.ItemIndex;
                var asset = venue.DebtAsset[k];
                outcome.SinkCash += step.Value;
                outcome.SinkUnits[asset] -= step.Quantity;
                outcome.LenderUnits[asset] += step.Quantity;
                outcome.LenderClaims[asset] -= step.Quantity;
                outcome.Sales[asset] -= step.Quantity;
                outcome.LiquidatedNotional[asset] += step.Value;
                Pay(venue, step.Penalties, outcome);

                wallet -= step.Value;
                foreach (var penalty in step.Penalties) wallet -= penalty.Amount;
                venue.DebtQuantity[k] -= step.Quantity;
            }

            venue.Wallets[i] = wallet;
            venue.CompactCollateral(i);
        }
        else
        {
            foreach (var step in instruction.Steps)
            {
                // The liquidator takes the seized collateral and sells it to the market at once.
                var k = venue.HoldingStart[i] + step.ItemIndex;
                var asset = venue.HoldingAsset[k];
                var proceeds = step.Quantity * _prices[asset];
                outcome.SinkUnits[asset] += step.Quantity;
                outcome.SinkCash -= proceeds;
                outcome.LiquidatorCash += proceeds;
                outcome.Sales[asset] += step.Quantity;
                outcome.LiquidatedNotional[asset] += step.Seized;

                // Penalty shares other than the liquidator's are paid on in cash.
                foreach (var p in step.Penalties)
                {
                    outcome.Penalties[(int)p.Recipient] += p.Amount;
                    if (p.Recipient == PenaltyRecipient.Liquidator) continue;
                    outcome.LiquidatorCash -= p.Amount;
                    Credit(venue, p.Recipient, p.Amount, outcome);
                }

                venue.HoldingQuantity[k] -= step.Quantity;
            }

            foreach (var r in instruction.Repayments)
            {
                // The liquidator buys the debt asset from the market and repays the lender.
                var k = venue.DebtStart[i] + r.ItemIndex;
                var asset = venue.DebtAsset[k];
                var cost = r.Quantity * _prices[asset];
                outcome.LiquidatorCash -= cost;
                outcome.SinkCash += cost;
                outcome.SinkUnits[asset] -= r.Quantity;
                outcome.LenderUnits[asset] += r.Quantity;
                outcome.LenderClaims[asset] -= r.Quantity;
                venue.DebtQuantity[k] -= r.Quantity;
            }

            // size whole (Compound III absorb): the credit above the debts is paid from the sale proceeds the
            // liquidator holds into the wallet, so the liquidator keeps exactly its own penalty share.
            if (instruction.Credit != 0m)
            {
                outcome.LiquidatorCash -= instruction.Credit;
                venue.Wallets[i] += instruction.Credit;
            }

            venue.CompactCollateral(i);
        }

        venue.CallRounds[i] = 0;
        venue.TouchItems(i);
        return true;
    }

    private static void Pay(VenueState venue, IReadOnlyList<PenaltyAmount> penalties, PartitionOutcome outcome)
    {
        // Position penalties leave the account's wallet (LiquidationPlanner.Apply) and arrive here.
        foreach (var p in penalties)
        {
            outcome.Penalties[(int)p.Recipient] += p.Amount;
            Credit(venue, p.Recipient, p.Amount, outcome);
        }
    }

    private static void Credit(VenueState venue, PenaltyRecipient recipient, decimal amount, PartitionOutcome outcome)
    {
        switch (recipient)
        {
            case PenaltyRecipient.Insurance: outcome.Insurance[venue.Index] += amount; break;
            case PenaltyRecipient.Protocol: outcome.ProtocolCash += amount; break;
            default: outcome.LiquidatorCash += amount; break;
        }
    }

    // ---------- Reduce ----------

    private PartitionOutcome Reduce(PartitionOutcome[] outcomes)
    {
        var total = new PartitionOutcome(_assets.Length, _instruments.Length, _venues.Length);
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
            for (var r = 0; r < total.Penalties.Length; r++) total.Penalties[r] += o.Penalties[r];
            total.MarginCalls += o.MarginCalls;
            total.TopUps += o.TopUps;
            total.TopUpAmount += o.TopUpAmount;
            total.Liquidations += o.Liquidations;
            total.Evaluated += o.Evaluated;
            total.Certified += o.Certified;
            total.CallsRunning |= o.CallsRunning;
        }

        return total;
    }

    // ---------- Bad debt: insurance fund, then ADL, then socialised loss ----------

    private (decimal BadDebt, decimal InsuranceDrawn, int AdlEvents, decimal AdlAmount, decimal Socialized) ResolveBadDebt(int round, Market market, PartitionOutcome[] outcomes, decimal[] badDebtByVenue, CancellationToken cancellationToken)
    {
        decimal badDebt = 0m, drawn = 0m, adlAmount = 0m, socialized = 0m;
        var adlEvents = 0;
        foreach (var venue in _venues)
        {
            var venueDebt = 0m;

            // The fund covers deficits in account order; what it cannot cover is pooled, then ADL and the socialised
            // share are settled once per venue and round, so the cost does not grow with the number of bankruptcies.
            var shortfalls = new List<(int Account, decimal Amount)>();

            // The fund pays into the account's wallet what it can; the rest is pooled for ADL and socialisation.
            void Cover(int i, decimal deficit)
            {
                badDebt += deficit;
                venueDebt += deficit;
                var fromFund = Math.Min(deficit, Math.Max(0m, _ledger.InsuranceFunds[venue.Index]));
                _ledger.InsuranceFunds[venue.Index] -= fromFund;
                drawn += fromFund;
                venue.Wallets[i] += fromFund;
                venue.Touch(i);
                if (deficit > fromFund) shortfalls.Add((i, deficit - fromFund));
            }

            // Isolated losses beyond their margin first, so a bankrupt account's deficit below counts only the rest.
            foreach (var (i, deficit) in venue.IsolatedShortfalls) Cover(i, deficit);
            foreach (var i in venue.LiquidatedThisRound)
                if (venue.PositionCount[i] == 0 && venue.HoldingCount[i] == 0 && venue.Wallets[i] < 0m) Cover(i, -venue.Wallets[i]);

            _adlLastRound[venue.Index] = shortfalls.Count > 0 && venue.RankedInRound != null;
            if (shortfalls.Count > 0)
            {
                var (events, fromAdl) = Deleverage(round, venue, shortfalls, market, outcomes, cancellationToken);
                adlEvents += events;
                adlAmount += fromAdl;
                socialized += Socialize(venue, shortfalls, cancellationToken);
            }

            foreach (var i in venue.LiquidatedThisRound)
            {
                if (venue.PositionCount[i] > 0 || venue.HoldingCount[i] > 0 || venue.DebtCount[i] == 0) continue;

                // A policy that buys debts in pays for them from the wallet, so a wallet that covers every debt's value
                // still backs them; one that does not leaves an insolvent account, whose debts are written off as before
                // (a buy-in rule's `where` may not even reach them, such as a cash loan).
                if (venue.Policy.BuysIn && venue.Wallets[i] >= DebtValue(venue, i)) continue;

                // Collateral is gone and debt remains: the insurance fund repays what it can, lenders write off the rest.
                for (int k = venue.DebtStart[i], end = k + venue.DebtCount[i]; k < end; k++)
                {
                    var a = venue.DebtAsset[k];
                    var quantity = venue.DebtQuantity[k];
                    var value = quantity * _prices[a];
                    badDebt += value;
                    venueDebt += value;
                    var pay = Math.Min(value, Math.Max(0m, _ledger.InsuranceFunds[venue.Index]));
                    var repaidUnits = pay == value ? quantity : pay / _prices[a];
                    if (pay > 0m)
                    {
                        var cost = repaidUnits * _prices[a];
                        _ledger.InsuranceFunds[venue.Index] -= cost;
                        _ledger.SinkCash += cost;
                        _ledger.SinkUnits[a] -= repaidUnits;
                        _ledger.LenderUnits[a] += repaidUnits;
                        drawn += cost;
                    }

                    var writtenOff = quantity - repaidUnits;
                    _ledger.LenderClaims[a] -= quantity;
                    socialized += writtenOff * _prices[a];
                }

                venue.DebtCount[i] = 0;
                venue.NarrowMask(i);
                venue.TouchItems(i);
            }

            badDebtByVenue[venue.Index] = venueDebt;
        }

        return (badDebt, drawn, adlEvents, adlAmount, socialized);
    }

    /// <summary>
    /// Closes profitable positions of other accounts, highest ADL rank first, diverting their realised profit to the
    /// bankrupt accounts (in account order) until their shortfalls are covered. ADL trades happen off the order book,
    /// so they move no price. Covered amounts are taken off <paramref name="shortfalls"/>.
    /// </summary>
    private (int Events, decimal Amount) Deleverage(int round, VenueState venue, List<(int Account, decimal Amount)> shortfalls, Market market, PartitionOutcome[] outcomes, CancellationToken cancellationToken)
    {
        if (venue.Policy.Checked.Adl == null) return (0, 0m);

        // Ranks are computed only when a venue needs ADL, for accounts with a profitable position that the map step did
        // not rank. An account owed a shortfall is never a candidate: a bankrupt one holds no positions, and one whose
        // isolated position went beyond its margin is not made to pay its own shortfall. An account whose
        // health certificate still holds carries a bound on its ranks, and is ranked only once that bound reaches the
        // best rank left (below); the others are ranked now, per partition in parallel. The order is total, so the same
        // sequence comes out however the candidates were gathered.
        var bounded = _certify && venue.CertifiedRankBounds != null;
        var owed = venue.OwedShortfall!;
        foreach (var (account, _) in shortfalls) owed[account] = true;
        ForEachPartition(p =>
        {
            var (owner, start, end) = _partitions[p];
            if (owner != venue) return;
            var list = Reused(_foundRanks, p);
            var later = Reused(_deferredRanks, p);
            var frame = venue.Policy.CreateFrame();
            for (var i = start; i < end; i++)
            {
                if (venue.RankedInRound![i] == round || owed[i] || !HasProfit(venue, i)) continue;
                if (bounded && StillCertified(venue, i) && venue.CertifiedRankBounds![i] != double.PositiveInfinity)
                {
                    later.Add((i, -venue.CertifiedRankBounds[i]));
                    continue;
                }

                var account = venue.View(i);
                venue.Policy.Assess(account, market, frame);
                Rank(venue, i, account, market, frame, list);
            }

        }, cancellationToken);

        // Highest bound first, by a double at or above each bound: only an upper bound is needed, and doubles compare fast.
        var waiting = venue.WaitingForRank;
        waiting.Clear();
        var lists = new List<List<AdlCandidate>>();
        for (var p = 0; p < _partitions.Count; p++)
        {
            if (_partitions[p].Venue != venue) continue;
            lists.Add(outcomes[p].AdlCandidates);
            lists.Add(_foundRanks[p]!);
            waiting.EnqueueRange(_deferredRanks[p]!);
        }

        // A heap, not a sort: building it is linear, and a round that needs little ADL takes only the first few. Its
        // array and the lists are kept for the next round: at a million accounts they are tens of megabytes each, and
        // arrays that large are only reclaimed by a full collection.
        var queue = new AdlHeap(lists, venue.AdlBuffer);
        var waitingFrame = venue.Policy.CreateFrame();
        var waitingRanks = new List<AdlCandidate>();

        // Before each pick, every deferred account whose bound could reach the best exact rank is ranked exactly; the
        // rest cannot hold the next candidate. An equal bound is ranked too, so ties are broken by the full order.
        bool Next()
        {
            while (waiting.TryPeek(out var i, out var bound) && (queue.Count == 0 || -bound >= (double)queue.Peek().Rank))
            {
                waiting.Dequeue();
                var account = venue.View(i);
                venue.Policy.Assess(account, market, waitingFrame);
                waitingRanks.Clear();
                Rank(venue, i, account, market, waitingFrame, waitingRanks);
                foreach (var c in waitingRanks) queue.Push(c);
            }

            return queue.Count > 0;
        }

        var events = 0;
        var covered = 0m;
        var touched = venue.AdlTouched;
        touched.Clear();
        for (var s = 0; s < shortfalls.Count; s++)
        {
            var (target, need) = shortfalls[s];
            while (need > 0m && Next())
            {
                var (i, k) = (queue.Peek().Account, queue.Peek().Position);
                var slot = venue.PositionStart[i] + k;
                var size = venue.PositionSize[slot];
                var entry = venue.PositionEntry[slot];
                var mark = _prices[_instrumentUnderlying[venue.PositionInstrument[slot]]];
                var upnl = size * (mark - entry);
                if (upnl <= 0m)
                {
                    queue.Pop();
                    continue;
                }

                var take = Math.Min(need, upnl);
                var quantity = take == upnl ? size : size * take / upnl;
                var realised = quantity * (mark - entry);

                // Closed positions stay at size 0 until every candidate is done, so candidate indices stay valid.
                venue.PositionSize[slot] = size - quantity;
                venue.Dirty[i] = true;
                touched.Add(i);
                venue.TouchItems(i);
                _ledger.SinkPositions[venue.PositionInstrument[slot]] += quantity;
                _ledger.SinkCash -= realised;
                venue.Wallets[target] += realised;
                venue.Touch(target);
                covered += realised;
                events++;

                // A partial close covers the rest of the need (up to decimal rounding); a full close moves on.
                if (quantity == size)
                {
                    need -= realised;
                    queue.Pop();
                }
                else
                {
                    need = 0m;
                }
            }

            shortfalls[s] = (target, Math.Max(0m, need));
        }

        // Compacting is idempotent, so an account listed twice is simply compacted twice. The heap's array, grown by any
        // late pushes, is kept for the next round.
        foreach (var i in touched) venue.CompactPositions(i);
        venue.AdlBuffer = queue.Buffer;
        foreach (var (account, _) in shortfalls) owed[account] = false;
        return (events, covered);
    }

    /// <summary>
    /// Spreads the remaining shortfalls over the venue's other accounts in proportion to their positive wallets, once
    /// per round; each bankrupt account is credited its own shortfall (in account order while the pool lasts).
    /// </summary>
    private decimal Socialize(VenueState venue, List<(int Account, decimal Amount)> shortfalls, CancellationToken cancellationToken)
    {
        var deficit = shortfalls.Sum(x => x.Amount);
        if (deficit <= 0m) return 0m;
        var bankrupt = new bool[venue.Count];
        foreach (var (i, _) in shortfalls) bankrupt[i] = true;
        var wallets = venue.Wallets;
        decimal total = 0m;
        var last = -1;
        for (var i = 0; i < venue.Count; i++)
        {
            if (bankrupt[i] || wallets[i] <= 0m) continue;
            total += wallets[i];
            last = i;
        }

        if (total <= 0m) return 0m;
        var amount = Math.Min(deficit, total);

        // Shares are independent of each other, so they are computed in parallel; they are summed in account order,
        // and the last payer takes the remainder, so the shares add up to the amount exactly.
        var shares = new decimal[venue.Count];
        ForEachPartition(p =>
        {
            var partition = _partitions[p];
            if (partition.Venue != venue) return;
            for (var i = partition.Start; i < Math.Min(partition.End, last); i++)
                if (!bankrupt[i] && wallets[i] > 0m) shares[i] = amount * wallets[i] / total;
        }, cancellationToken);

        var taken = 0m;
        for (var i = 0; i < last; i++)
            if (!bankrupt[i] && wallets[i] > 0m) taken += shares[i];
        shares[last] = amount - taken;
        for (var i = 0; i <= last; i++)
        {
            if (bankrupt[i] || wallets[i] <= 0m) continue;
            wallets[i] -= shares[i];
            venue.Dirty[i] = true;
            venue.Touch(i);
        }

        var left = amount;
        foreach (var (target, need) in shortfalls)
        {
            // A shortfall that ADL covered needs nothing; the pool is spent only when it runs out, so the credits add up to the amount.
            if (left <= 0m) break;
            var credit = Math.Min(need, left);
            if (credit <= 0m) continue;
            wallets[target] += credit;
            venue.Touch(target);
            left -= credit;
        }

        return amount;
    }

    // ---------- Totals and reports ----------

    private Ledger.Totals Totals(CancellationToken cancellationToken)
    {
        // Per-partition sums added in partition order: the same totals for any thread count.
        var parts = new Ledger.Totals[_partitions.Count];
        ForEachPartition(p =>
        {
            var (venue, start, end) = _partitions[p];
            var cash = 0m;
            var units = new decimal[_assets.Length];
            var contracts = new decimal[_instruments.Length];
            for (var i = start; i < end; i++)
            {
                cash += venue.Wallets[i] + venue.Reserves[i];
                for (int k = venue.HoldingStart[i], e = k + venue.HoldingCount[i]; k < e; k++) units[venue.HoldingAsset[k]] += venue.HoldingQuantity[k];
                for (int k = venue.DebtStart[i], e = k + venue.DebtCount[i]; k < e; k++) units[venue.DebtAsset[k]] -= venue.DebtQuantity[k];
                for (int k = venue.PositionStart[i], e = k + venue.PositionCount[i]; k < e; k++) contracts[venue.PositionInstrument[k]] += venue.PositionSize[k];
            }

            parts[p] = new Ledger.Totals(cash, units, contracts);
        }, cancellationToken);

        var totalCash = 0m;
        var totalUnits = new decimal[_assets.Length];
        var totalContracts = new decimal[_instruments.Length];
        foreach (var part in parts)
        {
            totalCash += part.Cash;
            for (var a = 0; a < totalUnits.Length; a++) totalUnits[a] += part.Units[a];
            for (var c = 0; c < totalContracts.Length; c++) totalContracts[c] += part.Contracts[c];
        }

        return _ledger.Add(totalCash, totalUnits, totalContracts);
    }

    /// <summary>Amounts by recipient, named as policies name them.</summary>
    private static IReadOnlyDictionary<string, decimal> ByRecipient(decimal[] amounts) => new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["liquidator"] = amounts[(int)PenaltyRecipient.Liquidator],
        ["insurance"] = amounts[(int)PenaltyRecipient.Insurance],
        ["protocol"] = amounts[(int)PenaltyRecipient.Protocol],
    };

    private int[] LiquidationsByVenue(PartitionOutcome[] outcomes)
    {
        var counts = new int[_venues.Length];
        for (var p = 0; p < _partitions.Count; p++) counts[_partitions[p].Venue.Index] += outcomes[p].Liquidations;
        return counts;
    }

    private IReadOnlyDictionary<string, T> ByVenue<T>(T[] values)
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var v = 0; v < _venues.Length; v++) d[_venues[v].Setup.Name] = values[v];
        return d;
    }

    private IReadOnlyDictionary<string, decimal> ByAsset(decimal[] values)
    {
        var d = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var a = 0; a < _assets.Length; a++) d[_assets[a]] = values[a];
        return d;
    }

    // The boundary: accounts the run never touched are handed back as the caller's own records; the others are built
    // from the venue's arrays when read, so the result never holds a second copy of the population as records.
    private IReadOnlyDictionary<string, IReadOnlyList<Account>> FinalAccounts() =>
        _venues.ToDictionary(v => v.Setup.Name, v => (IReadOnlyList<Account>)new VenueAccounts(v), StringComparer.Ordinal);

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
            AccountsLiquidatedByVenue = ByVenue(_venues.Select(v => Enumerable.Range(0, v.Count).Count(v.LiquidatedInRun)).ToArray()),
            BadDebt = rounds.Sum(r => r.BadDebt),
            Penalties = rounds.Count == 0 ? ByRecipient(new decimal[3]) : rounds[0].Penalties.Keys.ToDictionary(k => k, k => rounds.Sum(r => r.Penalties[k]), StringComparer.Ordinal),
            BadDebtByVenue = ByVenue(_venues.Select(v => rounds.Sum(r => r.BadDebtByVenue[v.Setup.Name])).ToArray()),
            InsuranceDrawn = rounds.Sum(r => r.InsuranceDrawn),
            AdlEvents = rounds.Sum(r => r.AdlEvents),
            SocializedLoss = rounds.Sum(r => r.SocializedLoss),
            MarginCalls = rounds.Sum(r => r.MarginCalls),
            Rounds = rounds.Count,
            StopReason = stop,
        };
    }
}
