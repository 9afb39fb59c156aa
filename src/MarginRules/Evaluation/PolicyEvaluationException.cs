using System;
using MarginRules.Language.Text;

namespace MarginRules.Evaluation;

/// <summary>An account could not be evaluated: a division by zero, a missing table row or market quote, an overflow. It names the policy expression that failed.</summary>
public sealed class PolicyEvaluationException : Exception
{
    internal PolicyEvaluationException(string reason, SourceText source, TextSpan span, string? accountId)
        : base(Format(reason, source, span, accountId))
    {
        Reason = reason;
        Path = source.Path;
        var position = source.GetPosition(span.Start);
        Line = position.Line;
        Column = position.Column;
        AccountId = accountId;
    }

    /// <summary>What went wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The policy file.</summary>
    public string Path { get; }

    /// <summary>The one-based line of the failing expression.</summary>
    public int Line { get; }

    /// <summary>The one-based column of the failing expression.</summary>
    public int Column { get; }

    /// <summary>The account being evaluated, if known.</summary>
    public string? AccountId { get; }

    private static string Format(string reason, SourceText source, TextSpan span, string? accountId)
    {
        var p = source.GetPosition(span.Start);
        var who = accountId == null ? string.Empty : $" (account `{accountId}`)";
        return $"{source.Path}:{p.Line}:{p.Column}: error: {reason}{who}";
    }
}
