namespace MarginRules.Language.Parsing
{
    /// <summary>A declaration that failed to parse: the keyword it starts with and the name after it, if any.</summary>
    internal sealed class UnparsedDeclaration
    {
        public UnparsedDeclaration(TokenKind keyword, string? name)
        {
            Keyword = keyword;
            Name = name;
        }

        /// <summary>The declaration's first token, such as <see cref="TokenKind.Let"/> or <see cref="TokenKind.Maintenance"/>.</summary>
        public TokenKind Keyword { get; }

        /// <summary>The identifier after the keyword (a let's, parameter's, function's or table's name), or null.</summary>
        public string? Name { get; }
    }
}
