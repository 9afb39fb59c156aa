using System.Globalization;

namespace MarginRules.Language.Diagnostics
{
    /// <summary>The fixed part of a diagnostic: its stable code, severity, title and message format.</summary>
    public sealed class DiagnosticDescriptor
    {
        internal DiagnosticDescriptor(string id, DiagnosticStage stage, DiagnosticSeverity severity, string title, string messageFormat)
        {
            Id = id;
            Stage = stage;
            Severity = severity;
            Title = title;
            MessageFormat = messageFormat;
        }

        /// <summary>The stable code, such as <c>MR0203</c>.</summary>
        public string Id { get; }

        /// <summary>The checking stage that reports it.</summary>
        public DiagnosticStage Stage { get; }

        /// <summary>The default severity.</summary>
        public DiagnosticSeverity Severity { get; }

        /// <summary>A short title for documentation and rule lists.</summary>
        public string Title { get; }

        /// <summary>The message, with <c>{0}</c>-style placeholders.</summary>
        public string MessageFormat { get; }

        /// <summary>Formats the message with its arguments.</summary>
        public string Format(params object[] args) =>
            args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

        /// <inheritdoc />
        public override string ToString() => Id;
    }
}
