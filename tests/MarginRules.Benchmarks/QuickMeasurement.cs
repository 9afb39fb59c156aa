namespace MarginRules.Benchmarks;

/// <summary>One contestant's numbers from the quick mode.</summary>
/// <param name="Name">The contestant's name.</param>
/// <param name="Iterations">Calls per timed round.</param>
/// <param name="MedianNs">The median round's nanoseconds per call.</param>
/// <param name="MinNs">The fastest round's nanoseconds per call.</param>
/// <param name="MaxNs">The slowest round's nanoseconds per call.</param>
/// <param name="PairedRatio">The median over rounds of this contestant's ns/op divided by the baseline's in the same round.</param>
/// <param name="BytesPerOp">Bytes allocated on the timing thread per call, over all rounds.</param>
public sealed record QuickMeasurement(string Name, long Iterations, double MedianNs, double MinNs, double MaxNs, double PairedRatio, double BytesPerOp);
