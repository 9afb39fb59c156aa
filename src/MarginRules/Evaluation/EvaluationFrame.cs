namespace MarginRules.Evaluation;

/// <summary>
/// The working memory of one evaluation: every named value of the policy, the margin-call outcome and the liquidation
/// rule that applies. Reuse one frame per thread to evaluate without allocating.
/// </summary>
public sealed class EvaluationFrame
{
    internal EvaluationFrame(int numbers, int flags, int texts)
    {
        Numbers = new decimal[numbers];
        Flags = new bool[flags];
        Texts = new string?[texts];
    }

    /// <summary>Numeric named values, by slot.</summary>
    internal decimal[] Numbers { get; }

    /// <summary>Bool named values, by slot.</summary>
    internal bool[] Flags { get; }

    /// <summary>Text named values, by slot.</summary>
    internal string?[] Texts { get; }

    /// <summary>True when the margin-call trigger holds.</summary>
    public bool CallTriggered { get; internal set; }

    /// <summary>The margin-call amount, when the call is triggered.</summary>
    public decimal CallAmount { get; internal set; }

    /// <summary>The index of the first liquidation rule whose trigger holds, or -1.</summary>
    public int RuleIndex { get; internal set; }

    // Writable fields for compiled code, which cannot call internal setters through expression trees cheaply.
    internal void SetCall(bool triggered, decimal amount)
    {
        CallTriggered = triggered;
        CallAmount = amount;
    }

    internal void SetRule(int index) => RuleIndex = index;
}
