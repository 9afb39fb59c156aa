using System.Collections.Generic;
using System.Text.Json;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Cli.Json;

/// <summary>Writes diagnostics as JSON objects: file, position, severity, code, message and help lines.</summary>
internal static class DiagnosticJson
{
    /// <summary>Writes the diagnostics as a JSON array.</summary>
    public static void WriteArray(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray();
        foreach (var d in diagnostics) Write(writer, d);
        writer.WriteEndArray();
    }

    /// <summary>Writes one diagnostic: <c>file, line, column, endLine, endColumn, severity, code, message, help</c>.</summary>
    public static void Write(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteString("file", diagnostic.Path);
        writer.WriteNumber("line", diagnostic.Start.Line);
        writer.WriteNumber("column", diagnostic.Start.Column);
        writer.WriteNumber("endLine", diagnostic.End.Line);
        writer.WriteNumber("endColumn", diagnostic.End.Column);
        writer.WriteString("severity", diagnostic.SeverityText);
        writer.WriteString("code", diagnostic.Id);
        writer.WriteString("message", diagnostic.Message);
        writer.WriteStartArray("help");
        foreach (var help in diagnostic.Help) writer.WriteStringValue(help);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
