using System.Collections.Generic;
using MarginRules.Language.Text;

namespace MarginRules.Language.Diagnostics
{
    /// <summary>Collects diagnostics for one source text; checking never stops at the first.</summary>
    internal sealed class DiagnosticBag
    {
        private readonly List<Diagnostic> _items = new List<Diagnostic>();

        public DiagnosticBag(SourceText source)
        {
            Source = source;
        }

        public SourceText Source { get; }

        public IReadOnlyList<Diagnostic> Items => _items;

        public bool HasErrors
        {
            get
            {
                foreach (var d in _items)
                    if (d.Severity == DiagnosticSeverity.Error) return true;
                return false;
            }
        }

        public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) =>
            _items.Add(new Diagnostic(descriptor, Source, span, descriptor.Format(args)));

        public void ReportWithHelp(DiagnosticDescriptor descriptor, TextSpan span, string? help, params object[] args) =>
            _items.Add(new Diagnostic(descriptor, Source, span, descriptor.Format(args), help == null ? null : new[] { help }));

        public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
    }
}
