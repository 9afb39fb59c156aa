using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Cli.PolicyTests;

/// <summary>One policy file compiled once per distinct set of parameter overrides its tests use.</summary>
internal sealed class PolicyVariants
{
    // MR0213 names the parameter whose override has the wrong type or unit.
    private static readonly Regex OverrideParameter = new("^parameter `(?<name>[^`]+)`", RegexOptions.CultureInvariant);

    private readonly string _text;
    private readonly string _path;
    private readonly Dictionary<string, MarginPolicy> _compiled = new(StringComparer.Ordinal);

    /// <summary>Compiles the policy with its defaults.</summary>
    /// <exception cref="UsageException">The policy does not compile; the line names its first error.</exception>
    public PolicyVariants(string text, string path)
    {
        _text = text;
        _path = path;
        if (!MarginPolicy.TryCompile(text, out var policy, out var diagnostics, path))
        {
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var more = errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more; run `marginrules check {path}`)") : string.Empty;
            throw new UsageException(errors[0] + more);
        }

        Default = policy!;
    }

    /// <summary>The policy with its defaults.</summary>
    public MarginPolicy Default { get; }

    /// <summary>The policy with some parameters overridden; the same overrides give the same compiled policy.</summary>
    /// <exception cref="Data.DataFormatException">An override has the wrong type or unit; the error points at it in the test file.</exception>
    public MarginPolicy With(IReadOnlyDictionary<string, ParameterOverride> overrides)
    {
        if (overrides.Count == 0) return Default;
        var key = string.Join("\n", overrides.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value.Value.GetType().Name}:{Convert.ToString(o.Value.Value, CultureInfo.InvariantCulture)}"));
        if (_compiled.TryGetValue(key, out var cached)) return cached;

        var options = new CompileOptions { Parameters = overrides.ToDictionary(o => o.Key, o => o.Value.Value, StringComparer.Ordinal) };
        if (!MarginPolicy.TryCompile(_text, out var policy, out var diagnostics, _path, options))
        {
            var error = diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            var m = OverrideParameter.Match(error.Message);
            if (m.Success && overrides.TryGetValue(m.Groups["name"].Value, out var culprit))
                throw culprit.Node.Error(string.Create(CultureInfo.InvariantCulture, $"{error.Message}; the parameter is declared at {error.Path}:{error.Start.Line}:{error.Start.Column}"));
            throw new UsageException(error.ToString());
        }

        _compiled.Add(key, policy!);
        return policy!;
    }
}
