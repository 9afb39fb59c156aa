using System;
using System.Collections.Generic;

namespace MarginRules.Cli.PolicyTests;

/// <summary>A resolved expectation key: how to read the actual value, what kind it is, and where the policy declares it.</summary>
/// <param name="Kind">The kind of value the key holds.</param>
/// <param name="Read">Reads the actual value.</param>
/// <param name="Declaration">The policy position (<c>policy.margin:12:1</c>) of the value's declaration, or null.</param>
/// <param name="AllowedTexts">For text keys with a fixed set of values (a status), the values allowed; otherwise null.</param>
internal sealed record ExpectationTarget(
    ExpectedKind Kind,
    Func<ExpectationSubject, ActualValue> Read,
    Func<ExpectationSubject, string?> Declaration,
    IReadOnlyList<string>? AllowedTexts = null);
