namespace MarginRules.Cli.PolicyTests;

/// <summary>The kind of value an expectation key holds, which the expected value in the test file must match.</summary>
internal enum ExpectedKind
{
    /// <summary>A decimal, compared within a tolerance.</summary>
    Number,

    /// <summary>A string compared exactly, such as a status or a rule name.</summary>
    Text,

    /// <summary>A bool (an exported condition).</summary>
    Flag,
}
