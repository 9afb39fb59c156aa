using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MarginRules.Accounts;
using MarginRules.Cascade.Shocks;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// Reads and checks a <c>*.tests.json</c> file (format in <c>docs/policy-tests.md</c>): the policy is compiled, accounts
/// and markets are read, and every expectation key is resolved before any test runs, so an input error is reported
/// at its file, line and column and nothing half-checked is run.
/// </summary>
internal sealed class PolicyTestLoader
{
    private static readonly string[] FileFields = ["policy", "description", "parameters", "tests"];
    private static readonly string[] TestFields = ["name", "description", "parameters", "tolerance", "market", "shock", "account", "accounts", "expect", "cascade"];
    private static readonly string[] QuoteFields = ["price", "volatility", "open_interest"];
    private static readonly string[] ValueFields = ["value", "tolerance"];

    private readonly string _path;
    private readonly string _text;
    private PolicyVariants _policy = null!;
    private Dictionary<string, ParameterOverride> _fileParameters = new(StringComparer.Ordinal);

    private PolicyTestLoader(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>Loads one test file.</summary>
    /// <exception cref="DataFormatException">The file is malformed; the error names the file, line and column.</exception>
    /// <exception cref="UsageException">The policy it names does not compile.</exception>
    public static PolicyTestFile Load(string path) => new PolicyTestLoader(path, File.ReadAllText(path)).Read();

    /// <summary>Resolves a path written in a test file against the test file's folder.</summary>
    public string Resolve(string relative) => Path.Combine(Path.GetDirectoryName(_path) ?? string.Empty, relative);

    /// <summary>The policy's parameters named by an object <c>{ "name": value }</c>, checked against the policy.</summary>
    public Dictionary<string, ParameterOverride> ReadParameters(DataNode node)
    {
        var names = _policy.Default.Checked.Parameters.Select(p => p.Name).ToArray();
        var result = new Dictionary<string, ParameterOverride>(StringComparer.Ordinal);
        foreach (var member in node.AsMap("parameter"))
        {
            if (!names.Contains(member.Name!, StringComparer.Ordinal)) throw member.Unknown("parameter", names);
            result[member.Name!] = new ParameterOverride(member.AsParameterValue(), member);
        }

        return result;
    }

    /// <summary>The policy compiled with the file's parameters, then each of <paramref name="layers"/> on top.</summary>
    public MarginPolicy PolicyWith(params IReadOnlyDictionary<string, ParameterOverride>[] layers)
    {
        var merged = new Dictionary<string, ParameterOverride>(_fileParameters, StringComparer.Ordinal);
        foreach (var layer in layers)
        foreach (var kv in layer) merged[kv.Key] = kv.Value;
        return _policy.With(merged);
    }

    /// <summary>
    /// Reads an account object with <see cref="AccountJson.ParseAccount"/>, keeping the file's positions: every character
    /// outside the object is blanked (line breaks kept), so the loader's line and column are the file's.
    /// </summary>
    public Account ReadAccount(DataNode node, Market market)
    {
        if (node.Kind != JsonValueKind.Object) throw node.Error($"expected an account object, found {DataNode.Describe(node.Kind)}");
        var blanked = node.Source.Text.ToCharArray();
        int start = node.CharStart, end = node.CharEnd;
        for (var i = 0; i < blanked.Length; i++)
        {
            if ((i < start || i >= end) && blanked[i] is not ('\n' or '\r')) blanked[i] = ' ';
        }

        try
        {
            return AccountJson.ParseAccount(new string(blanked), _path, market);
        }
        catch (DataFormatException e)
        {
            // The loader saw the account as a whole document; its path is put under the account's place in the file.
            var field = e.Field == "$" ? node.Field : e.Field.StartsWith('[') ? node.Field + e.Field : node.Field + "." + e.Field;
            throw new DataFormatException(e.Path, e.Line, e.Column, field, e.Reason, e);
        }
    }

    /// <summary>Reads a shock spec string with <see cref="ShockSpec.Parse"/>, placing a spec error at its column in the file.</summary>
    public static ShockPath ReadShock(DataNode node, IReadOnlyCollection<string> assets)
    {
        var spec = node.AsString();
        try
        {
            return ShockSpec.Parse(spec, assets);
        }
        catch (ShockSpecException e)
        {
            // The column is inside the string's text; it maps onto the file when the string has no escapes.
            var raw = node.CharEnd - node.CharStart - 2 == spec.Length;
            var column = Math.Clamp(e.Column - 1, 0, spec.Length);
            throw node.ErrorAt(raw ? node.Offset + 1 + Encoding.UTF8.GetByteCount(spec.AsSpan(0, column)) : node.Offset, "bad shock: " + e.Problem);
        }
    }

    /// <summary>Reads an expectation value, bare or as <c>{ "value": …, "tolerance": … }</c>, checking it against the key's kind.</summary>
    public static Expectation ReadExpectation(DataNode member, ExpectationTarget target, decimal testTolerance)
    {
        var valueNode = member;
        var tolerance = testTolerance;
        DataNode? toleranceNode = null;
        if (member.Kind == JsonValueKind.Object)
        {
            DataNode? value = null;
            foreach (var field in member.AsRecord(ValueFields))
            {
                if (field.Name == "value") value = field;
                else toleranceNode = field;
            }

            valueNode = value ?? throw member.Error("missing field \"value\"");
            if (toleranceNode is not null) tolerance = toleranceNode.AsNonNegativeDecimal();
        }

        object expected;
        switch (target.Kind)
        {
            case ExpectedKind.Number:
                if (!valueNode.IsNumber) throw valueNode.Error($"expected a number for \"{member.Name}\", found {DataNode.Describe(valueNode.Kind)}");
                expected = valueNode.AsDecimal();
                break;
            case ExpectedKind.Flag:
                expected = valueNode.AsBoolean();
                break;
            default:
                var text = valueNode.AsString();
                if (target.AllowedTexts is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
                {
                    var suggestion = SpellingSuggestion.Closest(text, allowed);
                    throw valueNode.Error(suggestion is not null
                        ? $"\"{text}\" is not a value of \"{member.Name}\"; did you mean \"{suggestion}\"?"
                        : $"\"{text}\" is not a value of \"{member.Name}\"; expected one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}");
                }

                expected = text;
                break;
        }

        if (toleranceNode is not null && target.Kind != ExpectedKind.Number) throw toleranceNode.NameError($"a tolerance applies only to numbers, and \"{member.Name}\" is not one");
        return new Expectation(member.Name!, expected, tolerance, target);
    }

    /// <summary>Reads an <c>expect</c> object, resolving each key with <paramref name="resolve"/> (the target, or null and the problem).</summary>
    public static IReadOnlyList<Expectation> ReadExpectations(DataNode node, decimal tolerance, Func<string, (ExpectationTarget? Target, string Problem)> resolve)
    {
        var expectations = new List<Expectation>();
        foreach (var member in node.AsMap("expectation"))
        {
            var (target, problem) = resolve(member.Name!);
            if (target is null) throw member.NameError(problem);
            expectations.Add(ReadExpectation(member, target, tolerance));
        }

        if (expectations.Count == 0) throw node.Error("a test needs at least one expectation");
        return expectations;
    }

    private PolicyTestFile Read()
    {
        var root = DataTree.Parse(new DataSource(_text, _path));
        var fields = root.AsRecord(FileFields).ToDictionary(f => f.Name!, StringComparer.Ordinal);
        var policyNode = fields.GetValueOrDefault("policy") ?? throw root.Error("missing field \"policy\"");
        var policyPath = Resolve(policyNode.AsName());
        if (!File.Exists(policyPath)) throw policyNode.Error($"the policy file \"{policyNode.Text}\" does not exist (looked for {policyPath})");
        _policy = new PolicyVariants(File.ReadAllText(policyPath), policyPath);
        if (fields.TryGetValue("parameters", out var parameters)) _fileParameters = ReadParameters(parameters);
        fields.GetValueOrDefault("description")?.AsString();

        var testsNode = fields.GetValueOrDefault("tests") ?? throw root.Error("missing field \"tests\"");
        var tests = new List<PolicyTestCase>();
        var names = new Dictionary<string, DataNode>(StringComparer.Ordinal);
        foreach (var testNode in testsNode.AsArray())
        {
            var test = ReadTest(testNode);
            if (names.TryGetValue(test.Name, out var first))
            {
                var at = first.Position;
                throw testNode.Error($"duplicate test name \"{test.Name}\"; first used at {at.Line}:{at.Column}");
            }

            names.Add(test.Name, testNode);
            tests.Add(test);
        }

        if (tests.Count == 0) throw testsNode.Error("the file has no tests");
        return new PolicyTestFile(_path, policyPath, tests);
    }

    private PolicyTestCase ReadTest(DataNode node)
    {
        var fields = node.AsRecord(TestFields).ToDictionary(f => f.Name!, StringComparer.Ordinal);
        var name = (fields.GetValueOrDefault("name") ?? throw node.Error("missing field \"name\"")).AsName();
        var description = fields.GetValueOrDefault("description")?.AsString();
        var overrides = fields.TryGetValue("parameters", out var p) ? ReadParameters(p) : new Dictionary<string, ParameterOverride>();
        var tolerance = fields.GetValueOrDefault("tolerance")?.AsNonNegativeDecimal() ?? 0m;
        var expect = fields.GetValueOrDefault("expect") ?? throw node.Error("missing field \"expect\"");

        var kinds = new[] { "account", "accounts", "cascade" }.Where(fields.ContainsKey).ToList();
        if (kinds.Count == 0) throw node.Error("a test needs \"account\", \"accounts\" or \"cascade\"");
        if (kinds.Count > 1) throw fields[kinds[1]].NameError($"\"{kinds[1]}\" cannot be used with \"{kinds[0]}\"; write a separate test");

        if (kinds[0] == "cascade")
        {
            foreach (var misplaced in new[] { "market", "shock" }.Where(fields.ContainsKey))
                throw fields[misplaced].NameError($"a cascade test gives its {misplaced} inside \"cascade\"");
            var cascade = new CascadeTestReader(this, overrides).Read(fields["cascade"], expect, tolerance);
            return new PolicyTestCase { Name = name, Description = description, Policy = cascade.Policy, Cascade = cascade.Check };
        }

        var policy = PolicyWith(overrides);
        var marketNode = fields.GetValueOrDefault("market") ?? throw node.Error("missing field \"market\"");
        var market = ReadMarket(marketNode);
        if (fields.TryGetValue("shock", out var shockNode))
        {
            foreach (var step in ReadShock(shockNode, market.Quotes.Keys.ToArray()).Steps) market = step.Apply(market);
        }

        (ExpectationTarget?, string) Resolve(string key) => (EvaluationKeys.Resolve(key, policy.Checked, out var problem), problem);
        if (kinds[0] == "account")
        {
            var account = ReadAccount(fields["account"], market);
            var check = new AccountCheck(account, ReadExpectations(expect, tolerance, Resolve));
            return new PolicyTestCase { Name = name, Description = description, Policy = policy, Market = market, Accounts = [check] };
        }

        var accounts = new Dictionary<string, (Account Account, DataNode Node)>(StringComparer.Ordinal);
        foreach (var element in fields["accounts"].AsArray())
        {
            var account = ReadAccount(element, market);
            if (accounts.TryGetValue(account.Id, out var first))
            {
                var at = first.Node.Position;
                throw element.Error($"duplicate account id \"{account.Id}\"; first used at {at.Line}:{at.Column}");
            }

            accounts.Add(account.Id, (account, element));
        }

        var checks = new List<AccountCheck>();
        foreach (var member in expect.AsMap("account"))
        {
            if (!accounts.TryGetValue(member.Name!, out var entry)) throw member.Unknown("account id", accounts.Keys);
            checks.Add(new AccountCheck(entry.Account, ReadExpectations(member, tolerance, Resolve)));
        }

        if (checks.Count == 0) throw expect.Error("expect names no account; key the expectations by account id");
        return new PolicyTestCase { Name = name, Description = description, Policy = policy, Market = market, Accounts = checks, SeveralAccounts = true };
    }

    private static Market ReadMarket(DataNode node)
    {
        var quotes = new Dictionary<string, AssetQuote>(StringComparer.Ordinal);
        foreach (var symbol in node.AsMap("symbol"))
        {
            decimal? price = null;
            var volatility = 0m;
            decimal? openInterest = null;
            foreach (var field in symbol.AsRecord(QuoteFields))
            {
                switch (field.Name)
                {
                    case "price": price = field.AsNonNegativeDecimal(); break;
                    case "volatility": volatility = field.AsNonNegativeDecimal(); break;
                    default: openInterest = field.AsNonNegativeDecimal(); break;
                }
            }

            quotes.Add(symbol.Name!, new AssetQuote(price ?? throw symbol.Error("missing field \"price\""), volatility, openInterest));
        }

        return new Market(quotes);
    }
}
