using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MarginRules.Assessment;

namespace MarginRules.Evaluation;

/// <summary>How an assessment came about: each named value in evaluation order with its value and source position.</summary>
/// <param name="Entries">The named values in evaluation order.</param>
/// <param name="Assessment">The resulting assessment.</param>
public sealed record EvaluationTrace(IReadOnlyList<TraceEntry> Entries, MarginAssessment Assessment)
{
    /// <summary>A human-readable listing: one line per value with its position, value, unit and expression.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var e in Entries)
        {
            var value = e.Value switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => "\"" + e.Value + "\"",
            };
            sb.Append(CultureInfo.InvariantCulture, $"{e.Line}:{e.Column} {e.Name} = {value} {e.Unit}    # {e.Expression}").Append('\n');
        }

        sb.Append("status: ").Append(Assessment.Status).Append('\n');
        return sb.ToString();
    }
}
