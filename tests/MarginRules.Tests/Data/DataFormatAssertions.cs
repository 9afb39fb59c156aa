using MarginRules.Data;

namespace MarginRules.Tests.Data;

/// <summary>Checks a <see cref="DataFormatException"/> against the marked position, the field path and the full message.</summary>
internal static class DataFormatAssertions
{
    /// <summary>Asserts every part of the error; the message's literal line and column must agree with the marker.</summary>
    public static void ShouldReport(this DataFormatException error, MarkedJson marked, string field, string message)
    {
        error.Line.ShouldBe(marked.Line, "line of the ‸ marker");
        error.Column.ShouldBe(marked.Column, "column of the ‸ marker");
        error.Field.ShouldBe(field);
        error.Message.ShouldBe(message);
    }
}
