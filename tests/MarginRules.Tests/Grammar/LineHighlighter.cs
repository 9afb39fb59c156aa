using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarginRules.Tests.Grammar;

/// <summary>
/// A small TextMate engine for single lines: at each position the rule whose regex matches earliest wins, ties going
/// to the rule listed first, as in TextMate. It supports <c>match</c> rules with <c>captures</c>, <c>begin</c>/<c>end</c>
/// rules with inner <c>patterns</c>, and <c>include</c> of repository rules: all that the MarginRules grammar uses.
/// </summary>
internal sealed class LineHighlighter
{
    private readonly JsonElement _repository;
    private readonly IReadOnlyList<Rule> _rules;

    /// <summary>Prepares the top-level patterns of a grammar.</summary>
    public LineHighlighter(JsonElement grammar)
    {
        _repository = grammar.GetProperty("repository");
        _rules = Flatten(grammar.GetProperty("patterns"));
    }

    /// <summary>Splits a line into scoped tokens; text no rule matches (white space) is left out.</summary>
    public IReadOnlyList<HighlightedToken> Highlight(string line)
    {
        var tokens = new List<HighlightedToken>();
        var position = 0;
        while (position < line.Length)
        {
            var (rule, match) = Earliest(_rules, line, position, r => r.First);
            if (rule == null) break;
            if (rule.End == null)
            {
                tokens.AddRange(rule.Tokens(match!));
                position = match!.Index + match.Length;
                continue;
            }

            // A begin/end region: inner rules compete with the end pattern until the end matches first.
            var inner = new List<HighlightedToken>();
            var p = match!.Index + match.Length;
            while (true)
            {
                var end = rule.End.Match(line, p);
                var (innerRule, innerMatch) = Earliest(rule.Inner, line, p, r => r.First);
                if (innerRule != null && (!end.Success || innerMatch!.Index < end.Index))
                {
                    inner.AddRange(innerRule.Tokens(innerMatch!));
                    p = innerMatch!.Index + innerMatch.Length;
                    continue;
                }

                p = end.Success ? end.Index + end.Length : line.Length;
                break;
            }

            tokens.Add(new HighlightedToken(line[match.Index..p], rule.Name ?? string.Empty));
            tokens.AddRange(inner);
            position = Math.Max(p, match.Index + 1);
        }

        return tokens;
    }

    private static (Rule? Rule, Match? Match) Earliest(IReadOnlyList<Rule> rules, string line, int start, Func<Rule, Regex> regex)
    {
        Rule? best = null;
        Match? bestMatch = null;
        foreach (var rule in rules)
        {
            var m = regex(rule).Match(line, start);
            if (!m.Success || m.Length == 0) continue;
            if (bestMatch == null || m.Index < bestMatch.Index)
            {
                best = rule;
                bestMatch = m;
            }
        }

        return (best, bestMatch);
    }

    private List<Rule> Flatten(JsonElement patterns)
    {
        var rules = new List<Rule>();
        foreach (var pattern in patterns.EnumerateArray())
        {
            if (pattern.TryGetProperty("include", out var include))
            {
                var target = _repository.GetProperty(include.GetString()!.TrimStart('#'));
                if (target.TryGetProperty("patterns", out var nested) && !target.TryGetProperty("begin", out _)) rules.AddRange(Flatten(nested));
                else rules.Add(Compile(target));
            }
            else
            {
                rules.Add(Compile(pattern));
            }
        }

        return rules;
    }

    private Rule Compile(JsonElement rule)
    {
        var name = rule.TryGetProperty("name", out var n) ? n.GetString() : null;
        var captures = new Dictionary<int, string>();
        foreach (var key in new[] { "captures", "beginCaptures" })
        {
            if (!rule.TryGetProperty(key, out var c)) continue;
            foreach (var capture in c.EnumerateObject()) captures[int.Parse(capture.Name)] = capture.Value.GetProperty("name").GetString()!;
        }

        if (rule.TryGetProperty("begin", out var begin))
        {
            var inner = rule.TryGetProperty("patterns", out var p) ? Flatten(p) : [];
            return new Rule(new Regex(begin.GetString()!), new Regex(rule.GetProperty("end").GetString()!), name, new Dictionary<int, string>(), inner);
        }

        return new Rule(new Regex(rule.GetProperty("match").GetString()!), null, name, captures, []);
    }

    private sealed class Rule(Regex first, Regex? end, string? name, IReadOnlyDictionary<int, string> captures, IReadOnlyList<Rule> inner)
    {
        public Regex First { get; } = first;

        public Regex? End { get; } = end;

        public string? Name { get; } = name;

        public IReadOnlyList<Rule> Inner { get; } = inner;

        public IEnumerable<HighlightedToken> Tokens(Match match)
        {
            // As in TextMate, a rule's name scopes the whole match and its captures scope groups within it.
            if (Name != null || captures.Count == 0) yield return new HighlightedToken(match.Value, Name ?? string.Empty);
            foreach (var (group, scope) in captures.OrderBy(c => c.Key))
            {
                var g = match.Groups[group];
                if (g.Success && g.Length > 0) yield return new HighlightedToken(g.Value, scope);
            }
        }
    }
}
