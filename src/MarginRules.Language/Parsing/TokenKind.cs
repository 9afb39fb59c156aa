using Superpower.Display;

namespace MarginRules.Language.Parsing
{
    /// <summary>The kinds of token in policy text; the attributes make parser errors read naturally.</summary>
    public enum TokenKind
    {
        /// <summary>A character or sequence the tokenizer rejected; its diagnostic is already reported.</summary>
        [Token(Description = "invalid text")] Invalid,

        /// <summary>An identifier that is not a keyword.</summary>
        [Token(Category = "identifier", Example = "maintenance_rate")] Identifier,

        /// <summary>A number, optionally with digit separators and a percent sign.</summary>
        [Token(Category = "number", Example = "12.5%")] Number,

        /// <summary>A double-quoted string.</summary>
        [Token(Category = "string", Example = "\"BTC\"")] String,

        /// <summary><c>(</c></summary>
        [Token(Example = "(")] LParen,

        /// <summary><c>)</c></summary>
        [Token(Example = ")")] RParen,

        /// <summary><c>[</c></summary>
        [Token(Example = "[")] LBracket,

        /// <summary><c>]</c></summary>
        [Token(Example = "]")] RBracket,

        /// <summary><c>{</c></summary>
        [Token(Example = "{")] LBrace,

        /// <summary><c>}</c></summary>
        [Token(Example = "}")] RBrace,

        /// <summary><c>,</c></summary>
        [Token(Example = ",")] Comma,

        /// <summary><c>:</c></summary>
        [Token(Example = ":")] Colon,

        /// <summary><c>.</c></summary>
        [Token(Example = ".")] Dot,

        /// <summary><c>..</c>, an open-ended bracket.</summary>
        [Token(Example = "..")] DotDot,

        /// <summary><c>..&lt;</c>, a half-open bracket.</summary>
        [Token(Example = "..<")] DotDotLess,

        /// <summary><c>=</c></summary>
        [Token(Example = "=")] Assign,

        /// <summary><c>+</c></summary>
        [Token(Category = "operator", Example = "+")] Plus,

        /// <summary><c>-</c></summary>
        [Token(Category = "operator", Example = "-")] Minus,

        /// <summary><c>*</c></summary>
        [Token(Category = "operator", Example = "*")] Star,

        /// <summary><c>/</c></summary>
        [Token(Category = "operator", Example = "/")] Slash,

        /// <summary><c>&lt;</c></summary>
        [Token(Category = "operator", Example = "<")] Less,

        /// <summary><c>&lt;=</c></summary>
        [Token(Category = "operator", Example = "<=")] LessOrEqual,

        /// <summary><c>&gt;</c></summary>
        [Token(Category = "operator", Example = ">")] Greater,

        /// <summary><c>&gt;=</c></summary>
        [Token(Category = "operator", Example = ">=")] GreaterOrEqual,

        /// <summary><c>==</c></summary>
        [Token(Category = "operator", Example = "==")] Equal,

        /// <summary><c>!=</c></summary>
        [Token(Category = "operator", Example = "!=")] NotEqual,

        /// <summary>Keyword <c>policy</c>.</summary>
        [Token(Category = "keyword", Example = "policy")] Policy,
        /// <summary>Keyword <c>version</c>.</summary>
        [Token(Category = "keyword", Example = "version")] Version,
        /// <summary>Keyword <c>currency</c>.</summary>
        [Token(Category = "keyword", Example = "currency")] Currency,
        /// <summary>Keyword <c>param</c>.</summary>
        [Token(Category = "keyword", Example = "param")] Param,
        /// <summary>Keyword <c>table</c>.</summary>
        [Token(Category = "keyword", Example = "table")] Table,
        /// <summary>Keyword <c>by</c>.</summary>
        [Token(Category = "keyword", Example = "by")] By,
        /// <summary>Keyword <c>columns</c>.</summary>
        [Token(Category = "keyword", Example = "columns")] Columns,
        /// <summary>Keyword <c>default</c>.</summary>
        [Token(Category = "keyword", Example = "default")] Default,
        /// <summary>Keyword <c>let</c>.</summary>
        [Token(Category = "keyword", Example = "let")] Let,
        /// <summary>Keyword <c>fn</c>.</summary>
        [Token(Category = "keyword", Example = "fn")] Fn,
        /// <summary>Keyword <c>equity</c>.</summary>
        [Token(Category = "keyword", Example = "equity")] Equity,
        /// <summary>Keyword <c>initial</c>.</summary>
        [Token(Category = "keyword", Example = "initial")] Initial,
        /// <summary>Keyword <c>maintenance</c>.</summary>
        [Token(Category = "keyword", Example = "maintenance")] Maintenance,
        /// <summary>Keyword <c>export</c>.</summary>
        [Token(Category = "keyword", Example = "export")] Export,
        /// <summary>Keyword <c>margin_call</c>.</summary>
        [Token(Category = "keyword", Example = "margin_call")] MarginCall,
        /// <summary>Keyword <c>when</c>.</summary>
        [Token(Category = "keyword", Example = "when")] When,
        /// <summary>Keyword <c>amount</c>.</summary>
        [Token(Category = "keyword", Example = "amount")] Amount,
        /// <summary>Keyword <c>deadline</c>.</summary>
        [Token(Category = "keyword", Example = "deadline")] Deadline,
        /// <summary>Keyword <c>liquidation</c>.</summary>
        [Token(Category = "keyword", Example = "liquidation")] Liquidation,
        /// <summary>Keyword <c>take</c>.</summary>
        [Token(Category = "keyword", Example = "take")] Take,
        /// <summary>Keyword <c>in</c>.</summary>
        [Token(Category = "keyword", Example = "in")] In,
        /// <summary>Keyword <c>asc</c>.</summary>
        [Token(Category = "keyword", Example = "asc")] Asc,
        /// <summary>Keyword <c>desc</c>.</summary>
        [Token(Category = "keyword", Example = "desc")] Desc,
        /// <summary>Keyword <c>size</c>.</summary>
        [Token(Category = "keyword", Example = "size")] Size,
        /// <summary>Keyword <c>all</c>.</summary>
        [Token(Category = "keyword", Example = "all")] All,
        /// <summary>Keyword <c>fraction</c>.</summary>
        [Token(Category = "keyword", Example = "fraction")] Fraction,
        /// <summary>Keyword <c>restore</c>.</summary>
        [Token(Category = "keyword", Example = "restore")] Restore,
        /// <summary>Keyword <c>each</c>.</summary>
        [Token(Category = "keyword", Example = "each")] Each,
        /// <summary>Keyword <c>to</c>.</summary>
        [Token(Category = "keyword", Example = "to")] To,
        /// <summary>Keyword <c>penalty</c>.</summary>
        [Token(Category = "keyword", Example = "penalty")] Penalty,
        /// <summary>Keyword <c>chunk</c>.</summary>
        [Token(Category = "keyword", Example = "chunk")] Chunk,
        /// <summary>Keyword <c>adl</c>.</summary>
        [Token(Category = "keyword", Example = "adl")] Adl,
        /// <summary>Keyword <c>rank</c>.</summary>
        [Token(Category = "keyword", Example = "rank")] Rank,
        /// <summary>Keyword <c>if</c>.</summary>
        [Token(Category = "keyword", Example = "if")] If,
        /// <summary>Keyword <c>then</c>.</summary>
        [Token(Category = "keyword", Example = "then")] Then,
        /// <summary>Keyword <c>else</c>.</summary>
        [Token(Category = "keyword", Example = "else")] Else,
        /// <summary>Keyword <c>and</c>.</summary>
        [Token(Category = "keyword", Example = "and")] And,
        /// <summary>Keyword <c>or</c>.</summary>
        [Token(Category = "keyword", Example = "or")] Or,
        /// <summary>Keyword <c>not</c>.</summary>
        [Token(Category = "keyword", Example = "not")] Not,
        /// <summary>Keyword <c>where</c>.</summary>
        [Token(Category = "keyword", Example = "where")] Where,
        /// <summary>Keyword <c>true</c>.</summary>
        [Token(Category = "keyword", Example = "true")] True,
        /// <summary>Keyword <c>false</c>.</summary>
        [Token(Category = "keyword", Example = "false")] False,
    }
}
