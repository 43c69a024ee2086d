//! Adversarial inputs (issue 7): each must be answered, with a verdict or a
//! typed error, in bounded time and memory. Shared by the regression test
//! (`tests/adversarial.rs`, which asserts the exact outcome) and the
//! benchmark (`benches/adversarial.rs`, which times each).

#![allow(dead_code)] // each includer uses its own part

/// Which entry point a case goes through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `verify_bytes(gold, pred)`: extraction, parsing, comparison.
    Verify,
    /// `parse(pred, syntax)` then `canonical` (no extraction window: the
    /// parser's and canonicalizer's own limits).
    ParseCanon(mathgrade::Syntax),
}

/// One gold / prediction pair, as bytes (some are not UTF-8).
pub struct Case {
    pub name: &'static str,
    pub entry: Entry,
    pub gold: Vec<u8>,
    pub pred: Vec<u8>,
}

fn case(name: &'static str, gold: impl Into<Vec<u8>>, pred: impl Into<Vec<u8>>) -> Case {
    Case { name, entry: Entry::Verify, gold: gold.into(), pred: pred.into() }
}

/// A text for the parser alone, its syntax detected.
fn parse_case(name: &'static str, text: impl Into<Vec<u8>>) -> Case {
    parse_case_in(name, mathgrade::Syntax::Auto, text)
}

/// A text for the parser alone, read in `syntax`.
fn parse_case_in(name: &'static str, syntax: mathgrade::Syntax, text: impl Into<Vec<u8>>) -> Case {
    Case { name, entry: Entry::ParseCanon(syntax), gold: Vec::new(), pred: text.into() }
}

/// `unit` repeated until the text is at least `bytes` long.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// 10 MB of prose: a long model output.
const TEN_MB: usize = 10 * 1000 * 1000;
/// 1 MB: a long run of one pattern.
const ONE_MB: usize = 1000 * 1000;

/// Every case, in a fixed order.
pub fn all() -> Vec<Case> {
    let prose = "We add the two numbers and check the result against the constraint. ";
    let mut long_text = repeat_to(prose, TEN_MB);
    long_text.push_str("The answer is $42$.");
    vec![
        // ---- power towers, huge factorials and binomials -------------------
        case("tower_5_5_5_5_5", "5^{5^{5^{5^5}}}", "5^{5^{5^{5^5}}}+1"),
        case("tower_python_2_30_5", "2**30**5", "2**30**5"),
        case("tower_10_10_10", "10^{10^{10}}", "10^{10^{10}}"),
        case("tower_10_10_10_vs_plus_one", "10^{10^{10}}", "10^{10^{10}}+1"),
        // A tower against one with variables: the points put a float of
        // about 10^{10^7} in an exponent (a fuzz finding that took 0.4 s).
        case("tower_5_5_35_5_vs_variables", "5^{5^{35^5}}", "5^{5^k7^5m}"),
        case("factorial_10_pow_10", "10000000000!", "10000000000!"),
        case("factorial_10_pow_10_vs_next", "10000000000!", "10000000001!"),
        case("binomial_10_9", "\\binom{10^{9}}{5\\cdot10^8}", "\\binom{10^{9}}{5\\cdot10^8}"),
        case("binomial_10_9_vs_other", "\\binom{10^{9}}{5\\cdot10^8}", "\\binom{10^{9}}{5\\cdot10^8+1}"),
        // ---- deep nesting -------------------------------------------------
        case("parentheses_100k", "1", format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000))),
        case("frac_100k", "1", format!("{}1{}", "\\frac{1}{".repeat(100_000), "}".repeat(100_000))),
        case("boxed_nested_100k", "1", format!("{}1{}", "\\boxed{".repeat(100_000), "}".repeat(100_000))),
        case("sqrt_nested_100k", "1", format!("${}1{}$", "\\sqrt{".repeat(100_000), "}".repeat(100_000))),
        parse_case("parse_parentheses_100k", format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000))),
        parse_case("parse_frac_100k", format!("{}1{}", "\\frac{1}{".repeat(100_000), "}".repeat(100_000))),
        parse_case("parse_power_tower_100k", format!("{}2{}", "2^{".repeat(100_000), "}".repeat(100_000))),
        // ---- very long inputs ------------------------------------------------
        parse_case("parse_sum_100k_terms", format!("{}1", "1+".repeat(99_999))),
        parse_case("parse_sum_100k_variables", format!("{}x", "x+".repeat(99_999))),
        parse_case("parse_product_100k", format!("{}x", "x\\cdot ".repeat(99_999))),
        parse_case("parse_10mb", repeat_to("1+", TEN_MB)),
        // ---- the fuzz runs' timeouts: expansions carrying huge exponents ---
        // `(cb)^{3!!!}` is (cb)^{720!}: 24 expanded terms each with an
        // exponent of 1,700 digits (360 ms, when sorting added exponents
        // as fractions).
        parse_case_in(
            "fuzz_expansion_factorial_exponents",
            mathgrade::Syntax::Plain,
            "5:cb^3!!!QP:2*5c^2(x +mrnesb)^5sc^2(m+x qnesb)^3s!qa9!99",
        ),
        // The same with a fraction exponent (`c^{.2}`): sorting added 720! +
        // 1/5 as fractions (220 ms, when reduced by a binary gcd).
        parse_case_in(
            "fuzz_expansion_fraction_exponent",
            mathgrade::Syntax::Plain,
            "5:cb^3!!!QP:2*5c^2(x +mrnesb)^6sc^.2(m+x qnesb)^3s!qa9!99",
        ),
        // A square and a cube of sums carrying `(x D - 1)^{2^{35^{5555}}}`:
        // exponents of 8,600 digits (1 s, when they multiplied as fractions).
        parse_case_in(
            "fuzz_expansion_tower_exponents",
            mathgrade::Syntax::Latex,
            "cdfactoraAbbetasex-(t48403500148atase-(t121-0875036acs(x D- 1)^2^{35^5555})^2cs(x D- 1)^2~{35^5})^3",
        ),
        case("prose_10mb_then_answer", "42", long_text),
        case("sum_100k_terms", "100000", format!("$${}1$$", "1+".repeat(99_999))),
        case("sum_100k_variables", "100000x", format!("$${}x$$", "x+".repeat(99_999))),
        case("boxed_100k", "1", repeat_to("\\boxed{1} ", ONE_MB)),
        case("boxed_many_distinct", "7", (0..100_000).map(|k| format!("\\boxed{{{k}}} ")).collect::<String>()),
        // ---- pathological inputs for each extraction rule -----------------
        case("dollars_1mb", "1", "$".repeat(ONE_MB)),
        case("double_dollars_open", "1", repeat_to("$$ 1 ", ONE_MB)),
        case("paren_delims_open", "1", repeat_to("\\( 1 ", ONE_MB)),
        case("bracket_delims_open", "1", repeat_to("\\[ 1 ", ONE_MB)),
        case("boxed_unclosed", "1", repeat_to("\\boxed{", ONE_MB)),
        case("answer_is_repeated", "1", repeat_to("the answer is ", ONE_MB)),
        case("final_answer_repeated", "1", repeat_to("Final Answer: ", ONE_MB)),
        case("answer_near_repeated", "1", repeat_to("answer ", ONE_MB)),
        case("digits_with_commas", "1", repeat_to("1,", ONE_MB)),
        case("digit_run", "1", "7".repeat(ONE_MB)),
        case("calculator_open", "1", repeat_to("<<", ONE_MB)),
        case("calculator_annotations", "24", repeat_to("<<3*8=24>>24 ", ONE_MB)),
        case("option_letters", "A", repeat_to("(A) ", ONE_MB)),
        case("option_letters_lines", "B", repeat_to("B\n", ONE_MB)),
        case("chinese_answer_phrases", "1", repeat_to("所以答案为", ONE_MB)),
        case("chinese_choose", "C", repeat_to("故选", ONE_MB)),
        case("bold_open", "1", repeat_to("$\\mathbf{", ONE_MB)),
        case("markdown_bold", "1", repeat_to("**", ONE_MB)),
        case("remark_lines", "1", repeat_to("Remark: $1$\n", ONE_MB)),
        case("gsm8k_hashes", "1", repeat_to("#### ", ONE_MB)),
        case("span_connectives", "1", repeat_to("$1$ and ", ONE_MB)),
        case("bare_fractions", "1", repeat_to("\\frac{1}{", ONE_MB)),
        case("therefore_sentences", "1", repeat_to("Therefore, $x=1$. ", ONE_MB)),
        case("equals_signs", "1", repeat_to("= ", ONE_MB)),
        case("minus_signs", "1", "-".repeat(ONE_MB)),
        case("open_parens_prose", "1", "(".repeat(ONE_MB)),
        case("expression_run", "1", repeat_to("1+", ONE_MB)),
        case("percent_words", "1", repeat_to("1 percent ", ONE_MB)),
        case("backslashes", "1", "\\".repeat(ONE_MB)),
        case("braces", "1", "{".repeat(ONE_MB)),
        // ---- code is text ---------------------------------------------------
        case("python_import", "0", "__import__('os').system('rm -rf /')"),
        case("python_eval_boxed", "0", "The answer is \\boxed{__import__('os').system('ls')}"),
        // ---- invalid UTF-8 ----------------------------------------------------
        case("invalid_utf8_pred", "1", b"The answer is \xff\xfe 1".to_vec()),
        case("invalid_utf8_gold", b"\xc3\x28".to_vec(), "1"),
    ]
}
