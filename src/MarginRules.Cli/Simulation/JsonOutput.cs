using System.Text.Encodings.Web;
using System.Text.Json;

namespace MarginRules.Cli.Simulation;

/// <summary>The JSON writer settings of simulation output: indented, and readable text (<c>+5%</c>, not <c>\u002B5%</c>).</summary>
internal static class JsonOutput
{
    /// <summary>The writer options.</summary>
    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
