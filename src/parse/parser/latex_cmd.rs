//! LaTeX commands in atom position: fractions, roots, functions, big
//! operators, text, fonts, delimiters, constants.

use super::groups::Close;
use super::{PResult, Parser};
use crate::ast::{BigOp, Constant, Expr, ExprKind, Func, LimitDir, NumberSet, RelOp, Symbol};
use crate::error::{ErrorKind, ParseError};
use crate::parse::lexer;
use crate::parse::token::{Tok, Token};
use crate::span::Span;
use num_traits::Signed;

/// Greek letters (and variants) that are plain variables. `\pi` is the
/// constant.
pub(crate) const GREEK: &[&str] = &[
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
    "kappa", "varkappa", "lambda", "mu", "nu", "xi", "omicron", "varpi", "rho", "varrho", "sigma", "varsigma",
    "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
    "Sigma", "Upsilon", "Phi", "Psi", "Omega", "ell", "hbar", "aleph", "nabla", "partial",
];

/// `\text`-like commands: their content is words, not math.
const TEXT_CMDS: &[&str] =
    &["text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "textup", "mbox", "hbox", "emph", "textmd"];

/// Font commands: their content is math in another face.
const FONT_CMDS: &[&str] = &[
    "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm",
    "mathnormal", "pmb", "bold", "rm", "bf", "it",
];

/// Accents that decorate a variable.
const ACCENTS: &[(&str, &str)] = &[
    ("bar", "bar"),
    ("overline", "bar"),
    ("hat", "hat"),
    ("widehat", "hat"),
    ("tilde", "tilde"),
    ("widetilde", "tilde"),
    ("vec", "vec"),
    ("overrightarrow", "vec"),
    ("overleftrightarrow", "vec"),
    ("dot", "dot"),
    ("ddot", "ddot"),
    ("check", "check"),
    ("breve", "breve"),
    ("acute", "acute"),
    ("grave", "grave"),
    ("underline", "underline"),
    ("mathring", "ring"),
];

/// Connector words that separate answers: `x = 1 \text{ or } x = 2`.
pub(crate) const CONNECTORS: &[&str] =
    &["and", "or", "or.", "and/or", "as well as", "&", ",", ";", "和", "或", "或者", "以及", "及", "且"];

/// Command names of functions that take a juxtaposed argument
/// (`\sin x`) and an optional power (`\sin^2 x`).
pub(crate) fn trig_command(name: &str) -> Option<Func> {
    Some(match name {
        "sin" => Func::Sin,
        "cos" => Func::Cos,
        "tan" | "tg" => Func::Tan,
        "cot" | "ctg" | "cotan" => Func::Cot,
        "sec" => Func::Sec,
        "csc" | "cosec" => Func::Csc,
        "arcsin" | "asin" => Func::Asin,
        "arccos" | "acos" => Func::Acos,
        "arctan" | "atan" | "arctg" => Func::Atan,
        "arccot" | "acot" | "arcctg" => Func::Acot,
        "arcsec" | "asec" => Func::Asec,
        "arccsc" | "acsc" => Func::Acsc,
        "sinh" | "sh" => Func::Sinh,
        "cosh" | "ch" => Func::Cosh,
        "tanh" | "th" => Func::Tanh,
        "coth" | "cth" => Func::Coth,
        "sech" => Func::Sech,
        "csch" | "cosech" => Func::Csch,
        "arsinh" | "arcsinh" | "asinh" => Func::Asinh,
        "arcosh" | "arccosh" | "acosh" => Func::Acosh,
        "artanh" | "arctanh" | "atanh" => Func::Atanh,
        "arcoth" | "arccoth" | "acoth" => Func::Acoth,
        "arsech" | "arcsech" | "asech" => Func::Asech,
        "arcsch" | "arccsch" | "acsch" => Func::Acsch,
        _ => return None,
    })
}

/// Functions written as commands that take parenthesized arguments.
/// The characters of `\text{…}` content: the escapes of LaTeX's special
/// characters (`\%`, `\_`, `\{`, `\textbackslash{}`, `\^{}`, `\~{}`…, as the
/// printer writes them) are the characters; a bare `~` is a space; any other
/// command is kept as written.
pub(crate) fn unescape_text(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(c) = rest.chars().next() {
        if c == '~' {
            out.push(' ');
            rest = &rest[1..];
            continue;
        }
        if c != '\\' {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let escaped = [("\\textbackslash{}", '\\'), ("\\^{}", '^'), ("\\~{}", '~')]
            .into_iter()
            .find(|(e, _)| rest.starts_with(e));
        if let Some((e, ch)) = escaped {
            out.push(ch);
            rest = &rest[e.len()..];
            continue;
        }
        match rest[1..].chars().next() {
            Some(ch @ ('{' | '}' | '%' | '$' | '&' | '#' | '_')) => {
                out.push(ch);
                rest = &rest[2..];
            }
            _ => {
                out.push('\\');
                rest = &rest[1..];
            }
        }
    }
    out
}

/// The names of a product of plain symbols run together (`AB` of A·B).
fn letters_of(factors: &[Expr]) -> String {
    factors
        .iter()
        .map(|f| match &f.kind {
            ExprKind::Symbol { sym } => sym.name.as_str(),
            _ => "",
        })
        .collect()
}

/// The function `\operatorname{w}` names (see `latex_operatorname`), if
/// any.
pub(crate) fn latex_function_name(w: &str) -> Option<Func> {
    match w {
        "ln" => Some(Func::Ln),
        "log" => Some(Func::Log),
        _ => trig_command(w).or_else(|| named_command(w)),
    }
}

pub(crate) fn named_command(name: &str) -> Option<Func> {
    Some(match name {
        "gcd" => Func::Gcd,
        "lcm" => Func::Lcm,
        "min" => Func::Min,
        "max" => Func::Max,
        "det" => Func::Det,
        "sgn" | "sign" => Func::Sign,
        "floor" => Func::Floor,
        "ceil" | "ceiling" => Func::Ceil,
        "abs" => Func::Abs,
        "arg" => Func::Arg,
        "Re" => Func::Re,
        "Im" => Func::Im,
        "exp" => Func::Exp,
        // As the printer writes it: `\operatorname{conjugate}`.
        "conjugate" | "conj" => Func::Conj,
        _ => return None,
    })
}

pub(crate) fn inverse(f: Func) -> Option<Func> {
    use Func::*;
    Some(match f {
        Sin => Asin,
        Cos => Acos,
        Tan => Atan,
        Cot => Acot,
        Sec => Asec,
        Csc => Acsc,
        Sinh => Asinh,
        Cosh => Acosh,
        Tanh => Atanh,
        Coth => Acoth,
        Sech => Asech,
        Csch => Acsch,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    /// Does command `c` start an operand (so juxtaposition multiplies)?
    pub fn command_starts_atom(&mut self, c: &str) -> bool {
        if TEXT_CMDS.contains(&c) {
            // Text multiplies nothing; a number in `\text{}` does.
            return self.peek_text_content().is_some_and(|s| super::numbers::literal_value(s.trim()).is_some());
        }
        !matches!(
            c,
            "cdot" | "times" | "div" | "ast" | "bmod" | "mod" | "pm" | "mp" | "cup" | "cap" | "setminus" | "backslash"
                | "le" | "leq" | "leqslant" | "ge" | "geq" | "geqslant" | "lt" | "gt" | "ne" | "neq" | "approx"
                | "equiv" | "in" | "notin" | "not" | "subset" | "subseteq" | "supset" | "supseteq" | "simeq"
                | "over" | "choose" | "atop" | "}" | "rbrace" | "rvert" | "rVert" | "rfloor" | "rceil" | "rangle"
                | "rgroup" | "rbrack" | "urcorner" | "lrcorner" | "end" | "\\" | "%" | "circ" | "degree" | "to"
                | "rightarrow" | "Rightarrow" | "implies" | "iff" | "Leftrightarrow" | "longrightarrow" | "mid"
                | "colon" | "quad" | "qquad" | "cdotp" | "centerdot" | "leqq" | "geqq" | "subsetneq" | "coloneqq"
        ) && !(matches!(c, "vert" | "|") && self.abs_depth > 0)
    }

    /// The raw text inside the `{…}` right after the next token, if the
    /// next token is a command followed by a brace group.
    fn peek_text_content(&mut self) -> Option<&str> {
        self.peek()?;
        let open = self.pos + 1;
        let close = self.matching_brace(open)?;
        let a = self.toks[open].span.end;
        let b = self.toks[close].span.start;
        Some(&self.src[a..b])
    }

    /// Is the next token a connector (`\text{ and }`, `\text{or}`, any
    /// non-numeric text between answers, plain `and` / `or`)?
    pub fn is_connector(&mut self) -> bool {
        let latex = self.latex;
        let Some(t) = self.peek().cloned() else { return false };
        match &t.tok {
            Tok::Cmd(c) if TEXT_CMDS.contains(&c.as_str()) => {
                let Some(s) = self.peek_text_content() else { return false };
                let s = s.trim();
                super::numbers::literal_value(s).is_none()
            }
            Tok::Ident(w) if !latex => matches!(w.as_str(), "and" | "or"),
            Tok::Ident(_) => self.latex_word_connector().is_some(),
            Tok::Other(c) => matches!(c, '和' | '或' | '及' | '且'),
            _ => false,
        }
    }

    /// In LaTeX the words "or" / "and" written in math mode are letters
    /// `o r`: a connector when they stand alone (no letter glued before or
    /// after). Returns the number of tokens.
    pub fn latex_word_connector(&mut self) -> Option<usize> {
        self.peek()?;
        let at = self.pos;
        let toks = &self.toks[..self.end];
        if at > 0 && !toks[at].space_before && matches!(toks[at - 1].tok, Tok::Ident(_)) {
            return None;
        }
        for word in ["and", "or"] {
            let n = word.len();
            let Some(run) = toks.get(at..at + n) else { continue };
            let spelled = run.iter().zip(word.chars()).enumerate().all(|(i, (t, c))| {
                matches!(&t.tok, Tok::Ident(x) if x.len() == 1 && x.starts_with(c)) && (i == 0 || !t.space_before)
            });
            let glued_after = toks.get(at + n).is_some_and(|t| matches!(t.tok, Tok::Ident(_)) && !t.space_before);
            if spelled && !glued_after {
                return Some(n);
            }
        }
        None
    }

    /// Skip connectors between answers.
    pub fn eat_connectors(&mut self) {
        while self.is_connector() {
            if self.latex {
                if let Some(n) = self.latex_word_connector() {
                    self.pos += n;
                    continue;
                }
            }
            let t = self.bump();
            if let Tok::Cmd(_) = t.tok {
                self.skip_group_raw();
            }
        }
    }

    /// Skip a `{…}` at the cursor without parsing it.
    fn skip_group_raw(&mut self) {
        if let Some(close) = self.matching_brace(self.pos) {
            self.pos = close + 1;
        }
    }

    /// The raw content of the `{…}` at the cursor (consumed), with its
    /// span. `what` names the command for the error.
    fn raw_brace(&mut self, cmd: &str, cmd_span: Span) -> PResult<(String, Span)> {
        self.peek();
        match self.matching_brace(self.pos) {
            Some(close) => {
                let a = self.toks[self.pos].span.end;
                let b = self.toks[close].span.start;
                self.pos = close + 1;
                Ok((self.src[a..b].to_string(), Span::new(a, b)))
            }
            None if self.peek().is_some_and(|t| t.is_punct("{")) => {
                let t = self.peek().cloned().expect("checked");
                Err(ParseError::new(ErrorKind::Unclosed { open: "{".into() }, t.span))
            }
            None => Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{cmd}") }, cmd_span)),
        }
    }

    /// Parse `self.src[span]` (the content of `\mathrm{…}`, `\text{3}`)
    /// as a complete LaTeX expression with a child parser that shares the
    /// depth and node budgets.
    /// Text that is a number is read as the number: `\text{5}`,
    /// `\text{-3}`, `\text{1,000}`, `\textbf{(902)}` (AIME answers are set
    /// in parentheses), and the same in a plain quoted string (`'5'`), so
    /// both syntaxes agree and a text atom never holds what would print
    /// back as a number. `content` is the text as written at `cspan`,
    /// `trimmed` its whitespace-collapsed reading; `None` when it is not a
    /// number.
    pub(crate) fn text_number(&mut self, content: &str, trimmed: &str, cspan: Span) -> Option<PResult<Expr>> {
        // Text that looks like a number but does not read as one (control
        // characters the lexer drops, `7.7.7`) stays text: the number
        // reading is a courtesy, never a reason to reject the input.
        let number = number_in_text(trimmed)?;
        if number.len() < trimmed.len() {
            // The inside of `(902)`.
            let offset = content.find(number).unwrap_or(0);
            let inner_span = Span::new(cspan.start + offset, cspan.start + offset + number.len());
            return self.sub_parse(inner_span).ok().map(Ok);
        }
        self.sub_parse(cspan).ok().map(Ok)
    }

    /// A number read from text that is not one range of the source
    /// (strings joined across quotes, `'2'""`): every node spans `span`,
    /// the whole of that text. `None` where it does not read as a number.
    pub(crate) fn detached_text_number(&mut self, trimmed: &str, span: Span) -> Option<Expr> {
        let number = number_in_text(trimmed)?;
        let mut toks: Vec<Token> = lexer::latex::lex(number).ok()?;
        for t in &mut toks {
            t.span = span;
        }
        self.parse_child(toks).ok()
    }

    /// `toks` parsed as a whole by a child parser sharing this one's limits.
    pub(crate) fn parse_child(&mut self, toks: Vec<Token>) -> PResult<Expr> {
        let mut child = self.child(toks);
        let r = child.parse_top();
        self.absorb(&child);
        r
    }

    fn sub_parse(&mut self, span: Span) -> PResult<Expr> {
        let text = &self.src[span.start..span.end];
        let mut toks: Vec<Token> = lexer::latex::lex(text).map_err(|mut e| {
            e.span = Span::new(e.span.start + span.start, e.span.end + span.start);
            e
        })?;
        for t in &mut toks {
            t.span = Span::new(t.span.start + span.start, t.span.end + span.start);
        }
        self.parse_child(toks)
    }

    pub fn parse_command(&mut self) -> PResult<Expr> {
        let t = self.bump();
        let Tok::Cmd(name) = t.tok.clone() else { unreachable!("caller checked") };
        let span = t.span;
        let n = name.as_str();
        if let Some(f) = trig_command(n) {
            return self.latex_function(f, span);
        }
        if let Some(&(_, accent)) = ACCENTS.iter().find(|(c, _)| *c == n) {
            return self.latex_accent(accent, span);
        }
        if GREEK.contains(&n) {
            return self.mk(ExprKind::Symbol { sym: Symbol::new(n) }, span);
        }
        if TEXT_CMDS.contains(&n) {
            return self.latex_text(n, span);
        }
        if FONT_CMDS.contains(&n) {
            return self.latex_font(n, span);
        }
        match n {
            "frac" | "dfrac" | "tfrac" | "cfrac" | "nicefrac" | "sfrac" => self.latex_frac(n, span),
            "binom" | "dbinom" | "tbinom" => {
                let a = self.parse_script_arg(span, "the first argument of \\binom")?;
                let b = self.parse_script_arg(span, "the second argument of \\binom")?;
                let s = span.join(self.last_span());
                self.mk(ExprKind::Func { func: Func::Binom, args: vec![a, b] }, s)
            }
            "sqrt" => self.latex_sqrt(span),
            "boxed" | "fbox" | "framebox" | "bbox" => {
                if !self.peek().is_some_and(|t| t.is_punct("{")) {
                    return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{n}") }, span));
                }
                self.parse_brace_arg("the content of the box")
            }
            "ln" => self.latex_log(Some(Func::Ln), span),
            "log" => self.latex_log(None, span),
            "lg" => self.latex_log(Some(Func::Log), span),
            "exp" => self.latex_function(Func::Exp, span),
            "operatorname" | "operatorname*" | "mathop" => self.latex_operatorname(span),
            "mathbb" | "mathds" | "Bbb" => {
                let (content, cspan) = self.raw_brace(n, span)?;
                let s = span.join(cspan).join(self.last_span());
                let name = content.trim();
                match number_set(name) {
                    Some(set) => self.mk(ExprKind::NumberSet { set }, s),
                    // `\mathbb{1}` (the indicator function, the identity): a
                    // symbol named by the double-struck digits `𝟙`, which
                    // the printer writes as `\mathbb{1}` again. A name of
                    // plain digits would print as the number.
                    None if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) => {
                        self.mk(ExprKind::Symbol { sym: Symbol::new(crate::ast::double_struck_digits(name)) }, s)
                    }
                    // `\mathbb{E}`, `\mathbb{P}`: a name (starting with a
                    // letter, as in `\operatorname{…}`), unless it is a
                    // function's (`\mathbb{Re}`, the name printed
                    // `\operatorname{Re}`, the real part): that is the function
                    // in another face, as `\mathrm{Re}` is.
                    None if name.chars().next().is_some_and(char::is_alphabetic)
                        && name.chars().all(char::is_alphanumeric)
                        && latex_function_name(name).is_none() =>
                    {
                        self.mk(ExprKind::Symbol { sym: Symbol::new(name) }, s)
                    }
                    // Anything else is math in another face, as in `\mathrm{…}`.
                    None => self.sub_parse(cspan),
                }
            }
            "R" | "Z" | "N" | "Q" | "C" | "Reals" | "Complex" | "Integers" | "Naturals" | "Rationals" => {
                let set = number_set(&n[..1]).expect("letter of a number set");
                self.mk(ExprKind::NumberSet { set }, span)
            }
            "{" | "lbrace" => self.finish_set(span, "\\{", Close::SetBrace),
            "lvert" | "vert" => self.finish_abs(span, "|", &[Close::Bar], Func::Abs),
            "lVert" | "|" | "Vert" => self.finish_abs(span, "\\|", &[Close::DoubleBar], Func::Abs),
            "lfloor" | "llcorner" => self.finish_abs(span, "\\lfloor", &[Close::Floor], Func::Floor),
            "lceil" | "ulcorner" => self.finish_abs(span, "\\lceil", &[Close::Ceil], Func::Ceil),
            "langle" => self.finish_angle(span),
            "lgroup" => self.finish_paren(span, "\\lgroup"),
            "lbrack" => self.finish_bracket(span, "\\lbrack"),
            "pi" => self.mk(ExprKind::Constant { constant: Constant::Pi }, span),
            "infty" | "infinity" | "inf" => self.mk(ExprKind::Constant { constant: Constant::Infinity }, span),
            "exponentialE" => self.mk(ExprKind::Constant { constant: Constant::E }, span),
            "imaginaryI" | "imath" | "imaginaryJ" | "jmath" => self.mk(ExprKind::Constant { constant: Constant::I }, span),
            "emptyset" | "varnothing" | "O" => self.mk(ExprKind::EmptySet, span),
            "sum" | "prod" => self.latex_bigop(if n == "sum" { BigOp::Sum } else { BigOp::Product }, span),
            "int" | "intop" => self.latex_integral(span),
            "lim" => self.latex_limit(span),
            "begin" => self.latex_env(span),
            "variable" => {
                let (content, cspan) = self.raw_brace(n, span)?;
                if super::numbers::literal_value(content.trim()).is_some() {
                    return self.sub_parse(cspan);
                }
                let valid = content.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && content.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err(ParseError::new(
                        ErrorKind::Unexpected { found: format!("`{content}`"), expected: "a variable name" },
                        cspan,
                    ));
                }
                let mut sym = match content.split_once('_') {
                    Some((name, sub)) => {
                        let mut s = Symbol::new(name);
                        s.sub = Some(sub.to_string());
                        s
                    }
                    None => Symbol::new(content.as_str()),
                };
                sym.primes = 0;
                let s = span.join(self.last_span());
                self.mk(ExprKind::Symbol { sym }, s)
            }
            "$" => {
                // Currency sign before an amount: `\$1,000`.
                if self.at_end() || !self.starts_operand() {
                    return Err(ParseError::new(
                        ErrorKind::Unexpected { found: "`\\$`".into(), expected: "an amount after `\\$`" },
                        span,
                    ));
                }
                self.parse_power()
            }
            "dots" | "ldots" | "cdots" | "dotsc" | "dotsb" | "dotso" => self.mk(ExprKind::Text { text: "...".into() }, span),
            "prime" => Err(ParseError::new(
                ErrorKind::Unexpected { found: "`\\prime`".into(), expected: "a prime only after a variable" },
                span,
            )),
            _ => {
                if let Some(f) = named_command(n) {
                    return self.latex_named_call(f, span);
                }
                if is_operator_command(n) {
                    return Err(ParseError::new(
                        ErrorKind::Unexpected { found: format!("`\\{n}`"), expected: "an expression" },
                        span,
                    ));
                }
                Err(ParseError::new(ErrorKind::UnknownCommand { name: name.to_string() }, span))
            }
        }
    }

    /// Can the next token begin an operand (used after `\$`)?
    fn starts_operand(&mut self) -> bool {
        let Some(t) = self.peek().cloned() else { return false };
        match &t.tok {
            Tok::Punct("-") | Tok::Punct("+") => true,
            Tok::Num(_) | Tok::Ident(_) => true,
            Tok::Punct("(") | Tok::Punct("[") | Tok::Punct("{") | Tok::Punct("|") => true,
            Tok::Other(c) => matches!(c, '∞' | 'π' | '√' | '∅'),
            Tok::Cmd(c) => self.command_starts_atom(c),
            _ => false,
        }
    }

    fn latex_frac(&mut self, n: &str, span: Span) -> PResult<Expr> {
        let what_num = "the numerator of \\frac";
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{n}") }, span));
        }
        let num = self.parse_script_arg(span, what_num)?;
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{n}") }, span.join(num.span)));
        }
        let den = self.parse_script_arg(span, "the denominator of \\frac")?;
        let s = span.join(self.last_span());
        // `\frac{d}{dx} f`, `\frac{d^2}{dx^2} f`: a derivative operator.
        if let Some((var, order)) = derivative_operator(&num, &den) {
            if self.at_end() || !self.starts_operand() {
                return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\frac{d}{dx}".into() }, s));
            }
            let body = self.parse_implicit()?;
            let s = s.join(body.span);
            return self.mk(ExprKind::Derivative { body: Box::new(body), var, order }, s);
        }
        self.mk(ExprKind::Div { num: Box::new(num), den: Box::new(den) }, s)
    }

    fn latex_sqrt(&mut self, span: Span) -> PResult<Expr> {
        let mut index = None;
        if let Some(open) = self.eat_punct("[") {
            self.enter(open)?;
            self.bracket_depth += 1;
            let i = self.parse_relation();
            self.bracket_depth -= 1;
            self.leave();
            index = Some(Box::new(i?));
            self.expect_punct("]", Some(("[", open)))?;
        }
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\sqrt".into() }, span));
        }
        let radicand = if self.peek().is_some_and(|t| t.is_punct("(")) {
            // Sloppy `\sqrt(x+1)`.
            let open = self.bump().span;
            self.finish_paren(open, "(")?
        } else {
            self.parse_script_arg(span, "the radicand of \\sqrt")?
        };
        let s = span.join(self.last_span());
        self.mk(ExprKind::Root { radicand: Box::new(radicand), index }, s)
    }

    /// `\sin x`, `\sin^2 x`, `\sin^{-1}(x)`, `\sin(x)`, `\sin{x}`.
    fn latex_function(&mut self, mut func: Func, span: Span) -> PResult<Expr> {
        let mut power = None;
        if let Some(caret) = self.eat_punct("^") {
            let p = self.parse_script_arg(caret, "an exponent")?;
            let is_minus_one = matches!(&p.kind, ExprKind::Neg { arg } if arg.is_int(1));
            match inverse(func) {
                Some(inv) if is_minus_one => func = inv,
                _ => power = Some(p),
            }
        }
        let arg = self.function_argument(func.name(), span)?;
        let f = self.call(func, vec![arg], span)?;
        self.apply_power(f, power)
    }

    fn apply_power(&mut self, f: Expr, power: Option<Expr>) -> PResult<Expr> {
        match power {
            Some(p) => {
                let s = f.span.join(p.span);
                self.mk(ExprKind::Pow { base: Box::new(f), exp: Box::new(p) }, s)
            }
            None => Ok(f),
        }
    }

    /// The argument of a function: parenthesized, braced, or the juxtaposed
    /// run up to the next function (`\sin 2x \cos x`).
    fn function_argument(&mut self, fname: &str, span: Span) -> PResult<Expr> {
        let Some(t) = self.peek().cloned() else {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{fname}") }, span));
        };
        if t.is_punct("(") {
            let open = self.bump().span;
            // `\ln\left(\left(1, 2\right)\right)` is the function of a
            // tuple; `\ln(1, 2)` has two arguments.
            let (inner, n) = self.finish_paren_counted(open, "(")?;
            if let (ExprKind::Tuple { items }, true) = (&inner.kind, n != 1) {
                return Err(ParseError::new(
                    ErrorKind::Arity { func: fname.to_string(), expected: "1", found: items.len() },
                    inner.span,
                ));
            }
            return Ok(inner);
        }
        if t.is_punct("{") {
            return self.parse_brace_arg("a function argument");
        }
        if t.is_cmd("{") || t.is_cmd("lbrace") {
            // `\sin\{\theta\}`: braces used as brackets.
            return Ok(unwrap_singleton_set(self.parse_atom()?));
        }
        if !self.starts_operand() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{fname}") }, span.join(t.span)));
        }
        let mut arg = self.parse_unary()?;
        while self.starts_implicit_factor() && !self.next_is_function() {
            let rhs = self.parse_power()?;
            arg = self.product(arg, rhs)?;
        }
        Ok(arg)
    }

    fn next_is_function(&mut self) -> bool {
        match self.peek().map(|t| t.tok.clone()) {
            Some(Tok::Cmd(c)) => {
                trig_command(&c).is_some()
                    || named_command(&c).is_some()
                    || matches!(c.as_str(), "ln" | "log" | "lg" | "exp" | "operatorname" | "lim" | "sum" | "prod" | "int")
            }
            _ => false,
        }
    }

    /// `\ln x`, `\log_2 x`, `\log_{b}(x)`, `\log^2 x`.
    fn latex_log(&mut self, fixed: Option<Func>, span: Span) -> PResult<Expr> {
        let mut base = None;
        let mut power = None;
        loop {
            if let Some(u) = self.eat_punct("_") {
                if fixed.is_some() || base.is_some() {
                    return Err(ParseError::new(
                        ErrorKind::Unexpected { found: "`_`".into(), expected: "the argument of the logarithm" },
                        u,
                    ));
                }
                base = Some(self.parse_script_arg(u, "the base of \\log")?);
            } else if let Some(c) = self.eat_punct("^") {
                power = Some(self.parse_script_arg(c, "an exponent")?);
            } else {
                break;
            }
        }
        let func = fixed.unwrap_or(Func::Log);
        let arg = self.function_argument(if func == Func::Ln { "ln" } else { "log" }, span)?;
        let mut args = vec![arg];
        if fixed == Some(Func::Log) {
            // `\lg` is the base-10 logarithm.
            args.push(self.mk(ExprKind::Integer { value: 10.into() }, span)?);
        } else if let Some(b) = base {
            args.push(b);
        }
        let f = self.call(func, args, span)?;
        self.apply_power(f, power)
    }

    /// `\gcd(a, b)`, `\max(…)`, `\floor(x)`: parenthesized arguments.
    fn latex_named_call(&mut self, func: Func, span: Span) -> PResult<Expr> {
        if func == Func::Exp {
            return self.latex_function(func, span);
        }
        let mut power = None;
        if let Some(c) = self.eat_punct("^") {
            power = Some(self.parse_script_arg(c, "an exponent")?);
        }
        let args = if self.peek().is_some_and(|t| t.is_punct("(")) {
            self.parse_call_args()?
        } else {
            vec![self.function_argument(func.name(), span)?]
        };
        let f = self.call(func, args, span)?;
        self.apply_power(f, power)
    }

    /// `\operatorname{name}`: a known function by name, or an unknown
    /// function applied to arguments, or a named symbol.
    fn latex_operatorname(&mut self, span: Span) -> PResult<Expr> {
        let (content, cspan) = self.raw_brace("operatorname", span)?;
        let name = name_text(&content);
        let s = span.join(cspan);
        if !name.chars().next().is_some_and(char::is_alphabetic) || !name.chars().all(char::is_alphanumeric) {
            // Not a name (`\operatorname{\mathbb{E}}`, stray braces, digits
            // first as in `\operatorname{2x}`): the content is math, as in
            // `\mathrm{…}`.
            return self.sub_parse(cspan);
        }
        // Of the functions only the logarithm takes a subscript (its base),
        // and none takes primes: a function's name with either
        // (`\operatorname{exp}_{2}`, `\operatorname{det}'`, as plain `exp_2`
        // and `det'` print) names a symbol, or an unknown function if a
        // call follows.
        // The logarithm's subscript is its base, but not before primes
        // (`\operatorname{log}_{2}'(x)`, an unknown function as plain
        // `log_2'(x)` reads).
        let decorated = self.peek().is_some_and(|t| (t.is_punct("_") && name != "log") || t.is_punct("'"))
            || (name == "log" && self.primed_subscript_follows());
        if !decorated {
            if let Some(f) = trig_command(&name) {
                return self.latex_function(f, s);
            }
            match name.as_str() {
                "ln" => return self.latex_log(Some(Func::Ln), s),
                "log" => return self.latex_log(None, s),
                _ => {}
            }
            if let Some(f) = named_command(&name) {
                return self.latex_named_call(f, s);
            }
        }
        // `\operatorname{f}_{1}'(x)`: a subscript and primes decorate the
        // name before its arguments (as the printer writes `f_{1}'(x)`).
        let mut sym = Symbol::new(name);
        let mut s = s;
        if self.decorated_call_follows() {
            if let Some(u) = self.eat_punct("_") {
                let (sub, sspan) = self.parse_subscript_text(u)?;
                sym.sub = Some(sub);
                s = s.join(sspan);
            }
            while let Some(p) = self.eat_punct("'") {
                s = s.join(p);
                sym.primes = sym.primes.saturating_add(1);
            }
        }
        if self.peek().is_some_and(|t| t.is_punct("(")) {
            let args = self.parse_call_args()?;
            let s = s.join(self.last_span());
            return self.mk(ExprKind::Apply { name: sym, args }, s);
        }
        self.mk(ExprKind::Symbol { sym }, s)
    }

    /// After a name: a subscript (`_{…}` or one token) then a prime.
    fn primed_subscript_follows(&mut self) -> bool {
        let start = self.pos;
        let mut primed = false;
        if self.eat_punct("_").is_some() {
            match self.matching_brace(self.pos) {
                Some(close) => self.pos = close + 1,
                None => self.pos += 1,
            }
            primed = self.peek().is_some_and(|t| t.is_punct("'"));
        }
        self.pos = start;
        primed
    }

    /// After a name: an optional subscript (`_{…}` or one token), primes,
    /// then `(`: the decorations belong to a function name.
    fn decorated_call_follows(&mut self) -> bool {
        let start = self.pos;
        let mut decorated = false;
        if self.eat_punct("_").is_some() {
            decorated = true;
            match self.matching_brace(self.pos) {
                Some(close) => self.pos = close + 1,
                None => self.pos += 1,
            }
        }
        while self.eat_punct("'").is_some() {
            decorated = true;
        }
        let call = decorated && self.peek().is_some_and(|t| t.is_punct("("));
        // Only looked ahead: the caller reads the decorations.
        self.pos = start;
        call
    }

    /// `\text{…}`: a number inside is a number; empty text is spacing;
    /// anything else is a `Text` node.
    fn latex_text(&mut self, n: &str, span: Span) -> PResult<Expr> {
        let (content, cspan) = self.raw_brace(n, span)?;
        let trimmed = super::atom::collapse_ws(&unescape_text(&content));
        if trimmed.is_empty() {
            // `\text{ }` is a space: read the next atom.
            if self.at_end() {
                return Err(ParseError::new(ErrorKind::Empty, span.join(cspan)));
            }
            return self.parse_atom();
        }
        if let Some(n) = self.text_number(&content, &trimmed, cspan) {
            return self.parse_postfix(n?);
        }
        let s = span.join(self.last_span());
        self.mk(ExprKind::Text { text: trimmed }, s)
    }

    /// `\mathrm{…}` and other fonts: a multi-letter word is a function name
    /// or text; otherwise the content is math.
    fn latex_font(&mut self, n: &str, span: Span) -> PResult<Expr> {
        if !self.peek().is_some_and(|t| t.is_punct("{")) {
            // `\mathbf v`, `\rm x`: the font applies to the next atom.
            if self.at_end() {
                return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{n}") }, span));
            }
            return self.parse_atom();
        }
        let (content, cspan) = self.raw_brace(n, span)?;
        let word = content.trim();
        if word.is_empty() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: format!("\\{n}") }, span.join(cspan)));
        }
        if word.chars().count() > 1 && word.chars().all(char::is_alphabetic) {
            let s = span.join(self.last_span());
            if let Some(f) = trig_command(word) {
                return self.latex_function(f, s);
            }
            if let Some(f) = named_command(word) {
                return self.latex_named_call(f, s);
            }
            if word == "ln" {
                return self.latex_log(Some(Func::Ln), s);
            }
            if word == "log" {
                return self.latex_log(None, s);
            }
            return self.mk(ExprKind::Text { text: word.to_string() }, s);
        }
        // The content is math in another face: `\mathbf{v}`, `\mathrm{e}`.
        let e = self.sub_parse(cspan)?;
        Ok(e)
    }

    fn latex_accent(&mut self, accent: &str, span: Span) -> PResult<Expr> {
        let arg = self.parse_script_arg(span, "the argument of the accent")?;
        let s = span.join(self.last_span());
        match arg.kind {
            ExprKind::Symbol { mut sym } if sym.accent.is_none() => {
                sym.accent = Some(accent.to_string());
                self.mk(ExprKind::Symbol { sym }, s)
            }
            ExprKind::Constant { constant } if matches!(constant, Constant::E | Constant::I) => {
                let mut sym = Symbol::new(if constant == Constant::E { "e" } else { "i" });
                sym.accent = Some(accent.to_string());
                self.mk(ExprKind::Symbol { sym }, s)
            }
            // `\bar{1}` (a Miller index, a digit of a decimal overline): a
            // decorated name of digits, as plain `bar{1}` reads and as the
            // printer writes it. Dropping the accent would make it the
            // number.
            ExprKind::Integer { ref value } if !value.is_negative() => {
                let mut sym = Symbol::new(value.to_string());
                sym.accent = Some(accent.to_string());
                self.mk(ExprKind::Symbol { sym }, s)
            }
            // `\overline{AB}`: a segment; `\vec{AB}`: a vector. Kept as one
            // decorated name, unless that is a function's (`\bar{ln}`: the
            // name would print `\bar{\operatorname{ln}}`, the logarithm
            // missing its argument).
            ExprKind::Mul { ref factors }
                if factors.iter().all(|f| matches!(&f.kind, ExprKind::Symbol { sym } if sym.sub.is_none() && sym.accent.is_none() && sym.primes == 0))
                    && latex_function_name(&letters_of(factors)).is_none() =>
            {
                // As `\operatorname{…}` of the letters reads back: one
                // letter's combining marks may compose with the next.
                let name = name_text(&letters_of(factors));
                let mut sym = Symbol::new(name);
                sym.accent = Some(accent.to_string());
                self.mk(ExprKind::Symbol { sym }, s)
            }
            // `\bar{\mathrm{AB}}`, as the printer writes a decorated
            // multi-letter name.
            ExprKind::Text { ref text } if super::atom::is_name_word(text) => {
                let mut sym = Symbol::new(text.clone());
                sym.accent = Some(accent.to_string());
                self.mk(ExprKind::Symbol { sym }, s)
            }
            other => Ok(Expr::new(other, arg.span)),
        }
    }

    /// `\sum_{k=1}^{n} body`, `\prod^{c}_{a=b} x`.
    fn latex_bigop(&mut self, op: BigOp, span: Span) -> PResult<Expr> {
        let (lower, upper) = self.parse_bounds()?;
        let (var, lower) = match lower {
            Some(l) => match l.kind {
                ExprKind::Relation { ref ops, ref operands } if ops.len() == 1 && ops[0] == RelOp::Eq => {
                    match bound_symbol(&operands[0]) {
                        Some(v) => (Some(v), Some(operands[1].clone())),
                        None => (None, Some(l)),
                    }
                }
                _ => match bound_symbol(&l) {
                    Some(v) => (Some(v), None),
                    None => (None, Some(l)),
                },
            },
            None => (None, None),
        };
        if self.at_end() || !self.starts_operand() {
            return Err(ParseError::new(
                ErrorKind::MissingArgument { command: if op == BigOp::Sum { "\\sum" } else { "\\prod" }.into() },
                span.join(self.last_span()),
            ));
        }
        let body = self.parse_implicit()?;
        let body = match &var {
            Some(v) => rebind_constant_letter(body, v),
            None => body,
        };
        let s = span.join(body.span);
        self.mk(ExprKind::BigOp { op, body: Box::new(body), var, lower: lower.map(Box::new), upper: upper.map(Box::new) }, s)
    }

    /// `_{…}` and `^{…}` in either order; empty groups mean no bound.
    fn parse_bounds(&mut self) -> PResult<(Option<Expr>, Option<Expr>)> {
        let mut lower = None;
        let mut upper = None;
        for _ in 0..2 {
            if let Some(u) = self.eat_punct("_") {
                lower = self.optional_script(u)?;
            } else if let Some(c) = self.eat_punct("^") {
                upper = self.optional_script(c)?;
            }
        }
        Ok((lower, upper))
    }

    fn optional_script(&mut self, at: Span) -> PResult<Option<Expr>> {
        if self.peek().is_some_and(|t| t.is_punct("{")) && self.peek2().is_some_and(|t| t.is_punct("}")) {
            self.advance();
            self.advance();
            return Ok(None);
        }
        self.parse_script_arg(at, "a bound").map(Some)
    }

    /// `\int_a^b body dx`. The body ends at the differential.
    fn latex_integral(&mut self, span: Span) -> PResult<Expr> {
        let (lower, upper) = self.parse_bounds()?;
        if self.at_end() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\int".into() }, span));
        }
        self.integral_depth += 1;
        let saved = self.differential.take();
        let body = if self.take_differential() {
            // `\int dx`: the integrand is 1.
            Ok(None)
        } else {
            self.parse_sum_in_integral().map(Some)
        };
        self.integral_depth -= 1;
        let var = std::mem::replace(&mut self.differential, saved);
        let body = match body? {
            Some(b) => b,
            None => self.mk(ExprKind::Integer { value: 1.into() }, span)?,
        };
        let s = span.join(self.last_span());
        self.mk(
            ExprKind::Integral { body: Box::new(body), var, lower: lower.map(Box::new), upper: upper.map(Box::new) },
            s,
        )
    }

    /// The integrand: a sum whose terms may be cut by the differential.
    fn parse_sum_in_integral(&mut self) -> PResult<Expr> {
        let mut terms = vec![self.parse_term()?];
        while self.differential.is_none() {
            let Some(t) = self.peek().cloned() else { break };
            let neg = if t.is_punct("+") {
                false
            } else if t.is_punct("-") {
                true
            } else {
                break;
            };
            self.advance();
            let rhs = self.parse_term()?;
            terms.push(if neg {
                let s = t.span.join(rhs.span);
                self.mk(ExprKind::Neg { arg: Box::new(rhs) }, s)?
            } else {
                rhs
            });
        }
        if terms.len() == 1 {
            return Ok(unwrap_singleton_set(terms.pop().expect("one")));
        }
        let s = terms[0].span.join(terms.last().expect("some").span);
        self.mk(ExprKind::Add { terms }, s)
    }

    /// If the next tokens are a differential (`d x`, `d\theta`,
    /// `\mathrm{d}x`), consume them and record the variable.
    pub fn take_differential(&mut self) -> bool {
        if self.differential.is_some() {
            return true;
        }
        let Some(t) = self.peek().cloned() else { return false };
        let mut i = self.pos;
        let is_d = if t.is_ident("d") {
            i += 1;
            true
        } else if (t.is_cmd("mathrm") || t.is_cmd("text") || t.is_cmd("operatorname"))
            && self.toks[..self.end].get(i + 1).is_some_and(|t| t.is_punct("{"))
            && self.toks[..self.end].get(i + 2).is_some_and(|t| t.is_ident("d"))
            && self.toks[..self.end].get(i + 3).is_some_and(|t| t.is_punct("}"))
        {
            i += 4;
            true
        } else {
            false
        };
        if !is_d {
            return false;
        }
        let Some(v) = self.toks[..self.end].get(i).cloned() else { return false };
        let (mut sym, next) = match &v.tok {
            Tok::Ident(x) => (Symbol::new(x.as_str()), i + 1),
            Tok::Cmd(c) if GREEK.contains(&c.as_str()) => (Symbol::new(c.as_str()), i + 1),
            // `d\operatorname{xteeta}`: a variable named by several letters,
            // as the printer writes one.
            Tok::Cmd(c) if c == "operatorname" && self.toks[..self.end].get(i + 1).is_some_and(|t| t.is_punct("{")) => {
                let Some(close) = self.matching_brace(i + 1) else { return false };
                let name = self.src[self.toks[i + 1].span.end..self.toks[close].span.start].trim();
                if !(name.chars().next().is_some_and(char::is_alphabetic) && name.chars().all(char::is_alphanumeric)) {
                    return false;
                }
                (Symbol::new(name), close + 1)
            }
            _ => return false,
        };
        let start = self.pos;
        self.pos = next;
        // `dx_{1}`: the subscript is the variable's.
        if let Some(u) = self.eat_punct("_") {
            match self.parse_subscript_text(u) {
                Ok((sub, _)) => sym.sub = Some(sub),
                Err(_) => {
                    self.pos = start;
                    return false;
                }
            }
        }
        // `dx'`, `d\operatorname{etta}_{q}'`: primes after the variable
        // (and its subscript) are the variable's, as the printer writes a
        // primed variable of integration; left over, the prime would
        // follow the integral, where it is an error.
        while self.eat_punct("'").is_some() {
            sym.primes = sym.primes.saturating_add(1);
        }
        self.differential = Some(sym);
        true
    }

    /// `\lim_{x \to a} body`, with `a^+` / `a^-` for one-sided limits.
    fn latex_limit(&mut self, span: Span) -> PResult<Expr> {
        let Some(u) = self.eat_punct("_") else {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\lim".into() }, span));
        };
        let (var, to, dir) = if let Some(close) = self.matching_brace(self.pos) {
            // Parse the subscript as its own range.
            let open = self.pos;
            let saved_end = self.end;
            self.pos = open + 1;
            self.end = close;
            let r = self.limit_subscript(u);
            self.end = saved_end;
            let r = r?;
            if self.pos != close {
                let t = self.toks[self.pos].clone();
                return Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "`}`" }, t.span));
            }
            self.pos = close + 1;
            r
        } else {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\lim".into() }, u));
        };
        if self.at_end() || !self.starts_operand() {
            return Err(ParseError::new(ErrorKind::MissingArgument { command: "\\lim".into() }, span.join(self.last_span())));
        }
        let body = self.parse_implicit()?;
        let s = span.join(body.span);
        self.mk(ExprKind::Limit { body: Box::new(body), var, to: Box::new(to), dir }, s)
    }

    fn limit_subscript(&mut self, at: Span) -> PResult<(Symbol, Expr, Option<LimitDir>)> {
        let v = self.parse_power()?;
        let Some(var) = bound_symbol(&v) else {
            return Err(ParseError::new(ErrorKind::Unexpected { found: "this".into(), expected: "the limit variable" }, v.span));
        };
        match self.peek().cloned() {
            Some(t) if matches!(&t.tok, Tok::Cmd(c) if matches!(c.as_str(), "to" | "rightarrow" | "longrightarrow" | "Rightarrow" | "mapsto")) || t.is_punct("=") => {
                self.advance();
            }
            Some(t) => return Err(ParseError::new(ErrorKind::Unexpected { found: t.describe(), expected: "`\\to`" }, t.span)),
            None => return Err(ParseError::new(ErrorKind::UnexpectedEnd { expected: "`\\to`" }, at)),
        }
        // A one-sided marker `^{+}`, `^-` at the end of the range.
        let mut dir = None;
        let n = self.end;
        let toks = &self.toks;
        let sign_at = |i: usize| -> Option<LimitDir> {
            match &toks.get(i)?.tok {
                Tok::Punct("+") => Some(LimitDir::Plus),
                Tok::Punct("-") => Some(LimitDir::Minus),
                _ => None,
            }
        };
        if n >= 2 && toks[n - 2].is_punct("^") {
            if let Some(d) = sign_at(n - 1) {
                dir = Some(d);
                self.end = n - 2;
            }
        } else if n >= 4 && toks[n - 4].is_punct("^") && toks[n - 3].is_punct("{") && toks[n - 1].is_punct("}") {
            if let Some(d) = sign_at(n - 2) {
                dir = Some(d);
                self.end = n - 4;
            }
        }
        let to = self.parse_sum_level()?;
        if dir.is_some() {
            self.pos = n;
            self.end = n;
        }
        Ok((var, to, dir))
    }

    /// A sum (used for limit targets).
    fn parse_sum_level(&mut self) -> PResult<Expr> {
        self.parse_relation()
    }
}

fn is_operator_command(n: &str) -> bool {
    matches!(
        n,
        "cdot" | "times" | "div" | "ast" | "bmod" | "mod" | "cup" | "cap" | "setminus" | "le" | "leq" | "ge" | "geq"
            | "ne" | "neq" | "in" | "notin" | "over" | "choose" | "to" | "rightarrow" | "circ" | "degree" | "%"
            | "end" | "right" | "rbrace" | "}" | "rvert" | "rVert" | "rfloor" | "rceil" | "rangle" | "\\" | "mid"
    )
}

fn number_set(s: &str) -> Option<NumberSet> {
    Some(match s {
        "R" => NumberSet::Reals,
        "Z" => NumberSet::Integers,
        "N" => NumberSet::Naturals,
        "Q" => NumberSet::Rationals,
        "C" => NumberSet::Complexes,
        _ => return None,
    })
}

/// The part of a text (`trimmed`: whitespace collapsed) that `\text{…}`
/// reads as a number ([`Parser::text_number`]): all of it (`-3`, `1,000`)
/// or the inside of its parentheses (`(902)`); `None` when it is no number.
pub(crate) fn number_in_text(trimmed: &str) -> Option<&str> {
    let unwrapped = trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')).map(str::trim);
    if let Some(inner) = unwrapped.filter(|t| super::numbers::literal_value(t).is_some()) {
        return Some(inner);
    }
    // One sign at most: a run of them (`------95`) reads as nested
    // negations in LaTeX, but not always in plain text (where it can reach
    // the depth limit), so the two syntaxes would disagree on the text.
    let unsigned = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    let whole = super::numbers::literal_value(unsigned).is_some()
        || looks_like_grouped_number(trimmed);
    whole.then_some(trimmed)
}

/// `1,000` inside `\text{}`.
fn looks_like_grouped_number(s: &str) -> bool {
    let t = s.replace([',', ' '], "");
    !t.is_empty() && t != s && super::numbers::literal_value(&t).is_some()
}

/// The variable a bound names: `k` in `k = 1`; `i` and `e` read as
/// constants are turned back into letters.
pub(crate) fn bound_symbol(e: &Expr) -> Option<Symbol> {
    match &e.kind {
        ExprKind::Symbol { sym } => Some(sym.clone()),
        ExprKind::Constant { constant: Constant::I } => Some(Symbol::new("i")),
        ExprKind::Constant { constant: Constant::E } => Some(Symbol::new("e")),
        _ => None,
    }
}

/// Inside `\sum_{i=1}`, the letter `i` in the body is the index, not the
/// imaginary unit.
pub(crate) fn rebind_constant_letter(body: Expr, var: &Symbol) -> Expr {
    let target = match var.name.as_str() {
        "i" if var.sub.is_none() && var.primes == 0 && var.accent.is_none() => Constant::I,
        "e" if var.sub.is_none() && var.primes == 0 && var.accent.is_none() => Constant::E,
        _ => return body,
    };
    crate::ast::map_bottom_up(body, &mut |e| match e.kind {
        ExprKind::Constant { constant } if constant == target => {
            Expr::new(ExprKind::Symbol { sym: var.clone() }, e.span)
        }
        _ => e,
    })
}

/// `\frac{d}{dx}` / `\frac{d^2}{dx^2}` / `\frac{\mathrm{d}}{\mathrm{d}x}`:
/// the variable and order.
pub(crate) fn derivative_operator(num: &Expr, den: &Expr) -> Option<(Symbol, u32)> {
    let is_d = |e: &Expr| matches!(&e.kind, ExprKind::Symbol { sym } if sym.name == "d" && sym.sub.is_none() && sym.primes == 0);
    let order_of = |e: &Expr| -> Option<u32> {
        match &e.kind {
            ExprKind::Integer { value } => {
                u32::try_from(value).ok().filter(|n| (1..=crate::ast::MAX_DERIVATIVE_ORDER).contains(n))
            }
            _ => None,
        }
    };
    let num_order = if is_d(num) {
        1
    } else if let ExprKind::Pow { base, exp } = &num.kind {
        if !is_d(base) {
            return None;
        }
        order_of(exp)?
    } else {
        return None;
    };
    let ExprKind::Mul { factors } = &den.kind else { return None };
    if factors.len() != 2 || !is_d(&factors[0]) {
        return None;
    }
    // `\frac{d}{di}`: the letter `i` (or `e`) read as a constant is the
    // variable, as in `\sum_{i=1}` (the spoken `with respect to i` prints
    // so; read as the quotient `1/i`, the body became a factor).
    let (var, den_order) = match &factors[1].kind {
        ExprKind::Pow { base, exp } => (bound_symbol(base)?, order_of(exp)?),
        _ => (bound_symbol(&factors[1])?, 1),
    };
    (num_order == den_order).then_some((var, num_order))
}

/// `\{x\}` where braces only group: the element itself.
pub(crate) fn unwrap_singleton_set(e: Expr) -> Expr {
    match e.kind {
        ExprKind::Set { mut items } if items.len() == 1 => items.pop().expect("one"),
        kind => Expr::new(kind, e.span),
    }
}

/// The name `\operatorname{text}` gives: the text without spaces and `*`,
/// read again until stable (`normalize::settled`), since dropped spaces or
/// joined letters can put a letter before combining marks that the printed
/// name, normalized when read back, composes.
fn name_text(text: &str) -> String {
    let spaceless = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace() && *c != '*').collect() };
    crate::normalize::settled(spaceless(text), |t| {
        spaceless(&crate::normalize::normalize(t, crate::parse::Syntax::Latex).text)
    })
}
