using System;
using System.Collections.Generic;
using MarginRules.Language.Text;

namespace MarginRules.Language.Diagnostics
{
    /// <summary>One problem found in a policy: a code, a message, where it is, and optional help lines.</summary>
    public sealed class Diagnostic
    {
        /// <summary>Creates a diagnostic for <paramref name="span"/> in <paramref name="source"/>.</summary>
        public Diagnostic(DiagnosticDescriptor descriptor, SourceText source, TextSpan span, string message, IReadOnlyList<string>? help = null)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            Path = source.Path;
            Span = span;
            Start = source.GetPosition(span.Start);
            End = source.GetPosition(span.End);
            Message = message;
            Help = help ?? Array.Empty<string>();
        }

        /// <summary>The descriptor: code, stage and default severity.</summary>
        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The stable code, such as <c>MR0203</c>.</summary>
        public string Id => Descriptor.Id;

        /// <summary>The severity.</summary>
        public DiagnosticSeverity Severity => Descriptor.Severity;

        /// <summary>The file the diagnostic is in.</summary>
        public string Path { get; }

        /// <summary>The exact span it points at.</summary>
        public TextSpan Span { get; }

        /// <summary>The one-based line and column where the span starts.</summary>
        public LinePosition Start { get; }

        /// <summary>The one-based line and column where the span ends.</summary>
        public LinePosition End { get; }

        /// <summary>The formatted message.</summary>
        public string Message { get; }

        /// <summary>Extra lines shown after <c>help:</c>, such as a "did you mean" suggestion.</summary>
        public IReadOnlyList<string> Help { get; }

        /// <summary>The severity as the lower-case word used in rendered output.</summary>
        public string SeverityText => Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };

        /// <summary>The one-line form <c>path:line:col: severity CODE: message</c>.</summary>
        public override string ToString() => $"{Path}:{Start.Line}:{Start.Column}: {SeverityText} {Id}: {Message}";
    }
}
