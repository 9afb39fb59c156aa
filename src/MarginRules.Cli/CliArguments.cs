using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MarginRules.Cli;

/// <summary>
/// A command's arguments: positional values and <c>--name value</c> or <c>--flag</c> options. Options a command does
/// not declare are usage errors, so a typo never passes silently.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArguments(List<string> positional)
    {
        Positional = positional;
    }

    /// <summary>The positional arguments in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/> given the options that take a value and the flags the command accepts.</summary>
    /// <exception cref="UsageException">An unknown option, or an option without its value.</exception>
    public static CliArguments Parse(IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flags)
    {
        var values = new HashSet<string>(valueOptions, StringComparer.Ordinal);
        var known = new HashSet<string>(flags, StringComparer.Ordinal) { "--help", "--verbose" };
        var positional = new List<string>();
        var result = new CliArguments(positional);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a == "--")
            {
                positional.Add(a);
                continue;
            }

            var name = a;
            string? inline = null;
            var eq = a.IndexOf('=');
            if (eq > 0)
            {
                name = a.Substring(0, eq);
                inline = a.Substring(eq + 1);
            }

            if (values.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"error: option {name} needs a value"));
                if (!result._options.TryGetValue(name, out var list)) result._options[name] = list = new List<string>();
                list.Add(value);
            }
            else if (known.Contains(name) && inline == null)
            {
                result._flags.Add(name);
            }
            else
            {
                var all = values.Concat(known).ToArray();
                var close = all.OrderBy(o => Distance(o, name)).FirstOrDefault();
                var hint = close != null && Distance(close, name) <= 3 ? $"; did you mean {close}?" : string.Empty;
                throw new UsageException($"error: unknown option {name}{hint}");
            }
        }

        return result;
    }

    /// <summary>True when the flag was given.</summary>
    public bool Has(string flag) => _flags.Contains(flag);

    /// <summary>The last value of an option, or null.</summary>
    public string? Value(string option) => _options.TryGetValue(option, out var list) ? list[^1] : null;

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> Values(string option) => _options.TryGetValue(option, out var list) ? list : [];

    /// <summary>The value of a required option.</summary>
    /// <exception cref="UsageException">The option is missing.</exception>
    public string Required(string option) => Value(option) ?? throw new UsageException($"error: {option} is required");

    /// <summary>An integer option with a default.</summary>
    /// <exception cref="UsageException">The value is not a whole number in range.</exception>
    public int Int(string option, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Value(option);
        if (text == null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new UsageException($"error: {option} takes a whole number from {min} to {max}, not `{text}`");
        return v;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
