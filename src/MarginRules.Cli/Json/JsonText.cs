using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MarginRules.Cli.Json;

/// <summary>Writes the CLI's machine output: indented JSON with LF line ends, exact decimals and readable non-ASCII text.</summary>
internal static class JsonText
{
    /// <summary>The JSON a writer callback produces, as text ending in a newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // Output goes to a terminal or a file, never into HTML, so `<`, `≥` and `'` stay as written.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options)) write(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Writes a decimal as a JSON number, exactly and without trailing zeros (<c>1666.6675</c>, <c>1000</c>).</summary>
    public static void Number(Utf8JsonWriter writer, string name, decimal value)
    {
        writer.WritePropertyName(name);
        writer.WriteNumberValue(Normalize(value));
    }

    /// <summary>Writes a nullable decimal as a JSON number or <c>null</c>.</summary>
    public static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v) Number(writer, name, v);
        else writer.WriteNull(name);
    }

    /// <summary>Writes a decimal, bool or string value as the matching JSON value.</summary>
    public static void Value(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case decimal d: writer.WriteNumberValue(Normalize(d)); break;
            case bool b: writer.WriteBooleanValue(b); break;
            default: writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The same value with its scale reduced to the fewest digits (a decimal keeps the trailing zeros of its inputs).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
