using System.Text.RegularExpressions;

namespace MarginRules.Tests.Grammar;

/// <summary>
/// Just enough Markdown for the documentation tests: headings, fenced code blocks and link targets. Lines inside a
/// fence are never headings, so <c>#</c> comments in policy examples are not mistaken for titles.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, string[] lines, List<MarkdownHeading> headings, List<FencedBlock> blocks)
    {
        Path = path;
        LineTexts = lines;
        Headings = headings;
        Blocks = blocks;
    }

    /// <summary>The document's path from the repository root.</summary>
    public string Path { get; }

    /// <summary>The document's lines.</summary>
    public string[] LineTexts { get; }

    /// <summary>The headings in document order.</summary>
    public IReadOnlyList<MarkdownHeading> Headings { get; }

    /// <summary>The fenced code blocks in document order.</summary>
    public IReadOnlyList<FencedBlock> Blocks { get; }

    /// <summary>Reads and splits a document of the repository.</summary>
    public static MarkdownDocument Load(string relativePath)
    {
        var lines = RepositoryFile.Read(relativePath).Replace("\r\n", "\n").Split('\n');
        var headings = new List<MarkdownHeading>();
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                var start = i;
                var body = new List<string>();
                for (i++; i < lines.Length && lines[i] != "```"; i++) body.Add(lines[i]);
                var text = body.Count == 0 ? string.Empty : string.Join("\n", body) + "\n";
                blocks.Add(new FencedBlock(line[3..].Trim(), text, start + 1));
                continue;
            }

            var heading = HeadingPattern().Match(line);
            if (heading.Success) headings.Add(new MarkdownHeading(heading.Groups[1].Length, heading.Groups[2].Value.Trim(), i + 1));
        }

        return new MarkdownDocument(relativePath, lines, headings, blocks);
    }

    /// <summary>The heading's section: from the heading to the next heading of the same or a higher level.</summary>
    public (int FirstLine, int LastLine) SectionOf(MarkdownHeading heading)
    {
        var next = Headings.FirstOrDefault(h => h.Line > heading.Line && h.Level <= heading.Level);
        return (heading.Line, next == null ? LineTexts.Length : next.Line - 1);
    }

    /// <summary>The text of a heading's section, including the heading line.</summary>
    public string SectionText(MarkdownHeading heading)
    {
        var (first, last) = SectionOf(heading);
        return string.Join("\n", LineTexts[(first - 1)..last]);
    }

    /// <summary>The fenced blocks inside a heading's section.</summary>
    public IEnumerable<FencedBlock> BlocksIn(MarkdownHeading heading)
    {
        var (first, last) = SectionOf(heading);
        return Blocks.Where(b => b.Line > first && b.Line <= last);
    }

    /// <summary>The block that follows <paramref name="block"/>, if any.</summary>
    public FencedBlock? BlockAfter(FencedBlock block) => Blocks.FirstOrDefault(b => b.Line > block.Line);

    /// <summary>The heading the section of a line belongs to, at the given level.</summary>
    public MarkdownHeading? EnclosingHeading(int line, int level) =>
        Headings.LastOrDefault(h => h.Line <= line && h.Level == level);

    /// <summary>Every link target written as <c>](target)</c> outside code blocks.</summary>
    public IEnumerable<string> LinkTargets()
    {
        var inFence = false;
        foreach (var line in LineTexts)
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (inFence) continue;
            foreach (Match m in LinkPattern().Matches(line)) yield return m.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"^(#{1,6}) (.+)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
