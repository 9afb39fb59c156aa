using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MarginRules.Tests.Parsing;

/// <summary>One case of <c>syntax-errors.txt</c>: its name, its input lines and the diagnostics it must produce.</summary>
internal sealed record SyntaxErrorCase(string Name, IReadOnlyList<string> InputLines, IReadOnlyList<string> Expected)
{
    // «N×text» repeats text N times; «U+XXXX» is one UTF-16 code unit. The file's header documents both.
    private static readonly Regex Escape = new("«(?:(?<count>[0-9]+)×(?<text>[^»]*)|U\\+(?<unit>[0-9A-Fa-f]{4}))»", RegexOptions.CultureInvariant);

    /// <summary>The policy text, with the escapes expanded; built on demand because some cases are megabytes long.</summary>
    public string BuildInput() => string.Join("\n", InputLines.Select(Expand));

    /// <summary>Reads every case of a golden file in the format its header describes.</summary>
    public static IReadOnlyList<SyntaxErrorCase> ReadAll(string path)
    {
        var cases = new List<SyntaxErrorCase>();
        string? name = null;
        List<string>? input = null;
        List<string>? expected = null;

        void Finish()
        {
            if (name == null) return;
            if (expected == null) throw new InvalidDataException($"case '{name}' in {path} has no '---' line");
            cases.Add(new SyntaxErrorCase(name, input!, expected));
        }

        foreach (var line in File.ReadAllText(path).Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                Finish();
                name = line.Substring(4).Trim();
                input = new List<string>();
                expected = null;
            }
            else if (name == null)
            {
                // The description before the first case.
            }
            else if (expected == null)
            {
                if (line == "---") expected = new List<string>();
                else input!.Add(line);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                expected.Add(line);
            }
        }

        Finish();
        return cases;
    }

    private static string Expand(string line) => Escape.Replace(line, m =>
    {
        if (m.Groups["unit"].Success)
            return ((char)int.Parse(m.Groups["unit"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();
        var count = int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
        var text = m.Groups["text"].Value;
        return text.Length == 1 ? new string(text[0], count) : new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
    });
}
