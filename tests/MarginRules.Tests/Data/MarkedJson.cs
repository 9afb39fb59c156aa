namespace MarginRules.Tests.Data;

/// <summary>JSON text with one ‸ marking where an error must be reported; the marker's line and column are computed here from the text, independently of the loaders.</summary>
internal sealed record MarkedJson(string Json, int Line, int Column)
{
    /// <summary>The caret that marks the expected error position; it is removed before parsing.</summary>
    public const char Marker = '‸';

    /// <summary>Removes the single marker and records its one-based line and UTF-16 column.</summary>
    public static MarkedJson Parse(string marked)
    {
        var index = marked.IndexOf(Marker);
        if (index < 0 || marked.IndexOf(Marker, index + 1) >= 0) throw new ArgumentException("mark exactly one position", nameof(marked));
        var before = marked.Substring(0, index);
        var lineStart = before.LastIndexOfAny(['\n', '\r']) + 1;
        var line = 1;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n'))) line++;
        }

        return new MarkedJson(marked.Remove(index, 1), line, index - lineStart + 1);
    }
}
