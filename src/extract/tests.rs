//! End-to-end expectations of [`extract_all`]: the first candidate, its rule
//! and syntax, for each behaviour the extractor promises.

use super::*;
use crate::compare::Target;

const LATEX: &[Target] = &[Target::Latex];
const EXPR: &[Target] = &[Target::Expr];
const STRING: &[Target] = &[Target::String];
const DEFAULT: &[Target] = &[Target::Latex, Target::Expr];
/// Unoptimized builds run the size tests on smaller inputs.
const DEBUG_SHRINK: usize = if cfg!(debug_assertions) { 5 } else { 1 };

fn first(input: &str, targets: &[Target], prio: i32) -> Option<Extraction> {
    extract(input, targets, prio)
}

/// The first candidate's text.
fn text(input: &str, targets: &[Target], prio: i32) -> Option<String> {
    first(input, targets, prio).map(|e| e.text)
}

fn t0(input: &str) -> Option<String> {
    text(input, DEFAULT, 0)
}

fn t50(input: &str) -> Option<String> {
    text(input, DEFAULT, DEFAULT_BOXED_PRIORITY)
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

// ----- boxes -----

#[test]
fn boxed_with_nested_braces() {
    let e = first(r"so $x = \boxed{\frac{1}{2}}$.", LATEX, 0).unwrap();
    assert_eq!(e.text, r"\frac{1}{2}");
    assert_eq!(e.rule, Rule::Boxed);
    assert_eq!(e.syntax, Syntax::Latex);
    assert_eq!(t0(r"\boxed{\{1\pm\sqrt{5},-2\}}"), some(r"\{1\pm\sqrt{5},-2\}"));
}

#[test]
fn boxed_spellings() {
    assert_eq!(t0(r"The area is \boxed {12}."), some("12"));
    assert_eq!(t0(r"The area is \boxed 5."), some("5"));
    assert_eq!(t0(r"The area is \fbox{7}."), some("7"));
    assert_eq!(t0(r"\boxed{\boxed{9}}"), some("9"));
}

#[test]
fn boxed_span_reports_where_it_is() {
    let s = r"Hence \boxed{42}.";
    let e = first(s, LATEX, 0).unwrap();
    assert_eq!(&s[e.span.start..e.span.end], r"\boxed{42}");
}

#[test]
fn last_box_wins() {
    assert_eq!(t0(r"First $\boxed{200}$, then after more work $\boxed{255}$ in total."), some("255"));
}

#[test]
fn boxes_forming_one_answer_are_joined() {
    assert_eq!(t0(r"\boxed{1}, \boxed{2}"), some("1, 2"));
    assert_eq!(t0(r"$\boxed{2}, \boxed{3}, \boxed{5}$"), some("2, 3, 5"));
    assert_eq!(t0(r"$$\boxed{(2, 2)} \quad \text{and} \quad \boxed{(6, 2)}$$"), some("(2, 2), (6, 2)"));
    assert_eq!(t0(r"\(\boxed{1}\) and \(\boxed{-2}\)."), some("1, -2"));
    assert_eq!(t0(r"$$\boxed{k = 45} \quad \text{and} \quad \boxed{n = 2}$$"), some("k = 45, n = 2"));
}

#[test]
fn identical_boxes_count_once() {
    assert_eq!(t0(r"$\boxed{5}$ and again $\boxed{5}$"), some("5"));
    assert_eq!(t0(r"\boxed{3}, \boxed{3}"), some("3"));
}

#[test]
fn boxed_priority() {
    let s = r"We get $\boxed{3}$. Checking again, the answer is $4$ after all, since it fits.";
    // 0: boxes first.
    assert_eq!(text(s, LATEX, 0), some("3"));
    // 50: a final-answer phrase ending later wins.
    assert_eq!(text(s, LATEX, 50), some("4"));
    // -1: boxes are not looked for on their own.
    assert_eq!(text(r"$x$ and then \boxed{3} here", LATEX, -1), some("x"));
    // ... though a box inside an announced span still gives the answer.
    assert_eq!(text(r"The final answer is $\boxed{3}$.", LATEX, -1), some("3"));
}

#[test]
fn percent_after_a_box() {
    assert_eq!(t0(r"$\boxed{28}$ pct"), some(r"28\%"));
    assert_eq!(t0(r"$\boxed{28 percentage}"), some(r"28\%"));
    assert_eq!(t0(r"a loss of $\boxed{28\%}$."), some(r"28\%"));
}

// ----- math delimiters -----

#[test]
fn the_last_math_span() {
    let e = first(r"We find that $x \lt 3$.", LATEX, 0).unwrap();
    assert_eq!(e.text, r"x \lt 3");
    assert_eq!(e.rule, Rule::LatexEnv);
    assert_eq!(t0(r"Let $a = 1$ and then $b = 2$ holds. So we are done with $c$"), some("c"));
    assert_eq!(t0(r"Answer \( 9 \)"), some("9"));
    assert_eq!(t0(r"Answer \( (9+1) \)"), some("(9+1)"));
    assert_eq!(t0(r"Thus \[ \boxed{[-4, 0]} \]"), some("[-4, 0]"));
}

#[test]
fn inline_dollars_never_span_lines() {
    assert_eq!(text("Answer $ \n 9 \n $", LATEX, 0), None);
    assert_eq!(text("Answer \\( \n 9 \n \\)", LATEX, 0), None);
    assert_eq!(text("Answer $$ \n 9 \n $$", LATEX, 0), some("9"));
}

#[test]
fn escaped_dollars_are_not_delimiters() {
    assert_eq!(t0(r"It costs \$5 and the ratio is $\frac{3}{4}$."), some(r"\frac{3}{4}"));
    assert_eq!(text(r"It costs \$5 today", LATEX, 0), None);
}

#[test]
fn spans_joined_by_connectives() {
    assert_eq!(t0(r"The integer roots are $-2$ and $1$."), some("-2, 1"));
}

#[test]
fn spans_after_anchors_are_preferred() {
    let s = r"So the answer is $5$. To check: $5 + 0 = 5$ holds.";
    assert_eq!(t0(s), some("5"));
    let e = first(s, LATEX, 0).unwrap();
    assert_eq!(e.rule, Rule::FinalAnswerPhrase);
    assert_eq!(t0(r"Therefore $x < 5$ is the solution."), some("x < 5"));
    assert_eq!(t0(r"所以 $x$ 的值为 $3$。验证：$3+0=3$"), some("3"));
    assert_eq!(t0(r"答案为 $7$。其中 $a=2$"), some("7"));
}

#[test]
fn a_bare_therefore_does_not_outrank_the_last_span() {
    assert_eq!(t0(r"hence $k=\frac{T}{50}$. With $T=650, k=13$."), some("T=650, k=13"));
}

#[test]
fn minerva_final_answer_beats_earlier_boxes() {
    let s = r"so $\boxed{200}$ So he has $10,200 + $255 = $10,455. Final Answer: The final answer is $10,455$. I hope it is correct.";
    assert_eq!(t0(s), some("10,455"));
}

// ----- final-answer phrases -----

#[test]
fn final_answer_phrases() {
    assert_eq!(t50("The final answer is 16386.16."), some("16386.16"));
    assert_eq!(t50("Final Answer: 34"), some("34"));
    assert_eq!(t50("Final Answer: The largest $n$ is 34."), some("34"));
    assert_eq!(t50("So the answer is 5783/5"), some("5783/5"));
    assert_eq!(t50("**Answer:** 12"), some("12"));
    assert_eq!(t50("The answer is $\\frac{1}{2}$."), some(r"\frac{1}{2}"));
    assert_eq!(t50("Thus, the answer is \\(x^2\\)."), some("x^2"));
    assert_eq!(t50("The answer is x = 1 or x = 2."), some("x = 1, x = 2"));
}

#[test]
fn final_answer_phrase_rule_and_syntax() {
    let e = first("So the answer is sqrt(3)/4", DEFAULT, 50).unwrap();
    assert_eq!((e.text.as_str(), e.rule, e.syntax), ("sqrt(3)/4", Rule::FinalAnswerPhrase, Syntax::Plain));
    let e = first("Therefore, the final answer is 9*n**4 + 2*n**3", DEFAULT, 50).unwrap();
    assert_eq!((e.text.as_str(), e.syntax), ("9*n**4 + 2*n**3", Syntax::Plain));
    let e = first("So the answer is 10 cm.", DEFAULT, 50).unwrap();
    assert_eq!((e.text.as_str(), e.syntax), ("10 cm", Syntax::Plain));
}

#[test]
fn chinese_phrases() {
    assert_eq!(t50("所以答案是 $\\frac{3}{4}$。"), some(r"\frac{3}{4}"));
    assert_eq!(t50("故答案为：$\\boxed{12}$"), some("12"));
    assert_eq!(t50("因此，最终答案是 $\\boxed{x+1}$。"), some("x+1"));
    assert_eq!(t50("综上所述，答案为 $[1, 2)$。"), some("[1, 2)"));
    assert_eq!(t50("所以答案是 60*v - 7"), some("60*v - 7"));
    assert_eq!(t50("故答案为：sqrt(pi)"), some("sqrt(pi)"));
    assert_eq!(t50("所以最大值为 5。"), some("5"));
}

#[test]
fn trailing_period_is_stripped() {
    assert_eq!(t50("The final answer is $5$."), some("5"));
    assert_eq!(t50("The answer is 5."), some("5"));
    assert_eq!(t50("答案是 5。"), some("5"));
    assert_eq!(t50(r"The answer is $100 . $"), some("100"));
}

#[test]
fn lone_word_after_a_phrase() {
    assert_eq!(t50("The answer is Evelyn."), some(r"\text{Evelyn}"));
}

// ----- the expr target -----

#[test]
fn numbers_in_prose() {
    for (input, want) in [
        ("7,425,000", "7425000"),
        ("1,000.0", "1000.0"),
        ("1,000.99", "1000.99"),
        (".4", "0.4"),
        ("10/9", "10/9"),
        ("1,000.99€", "1000.99"),
        ("1,000.99$", "1000.99"),
        ("Soucis : 2,74 $ a..", "2.74"),
        ("1,000.99m²", "1000.99"),
        ("so the number is 10 which is 1,000.99m²", "1000.99"),
        ("28 percent", "28%"),
        ("28 %", "28%"),
    ] {
        assert_eq!(text(input, EXPR, 0).as_deref(), Some(want), "{input:?}");
    }
}

#[test]
fn number_rules_and_syntax() {
    let e = first("so the number is 10 which is 1,000.99m²", EXPR, 0).unwrap();
    assert_eq!((e.rule, e.syntax), (Rule::Number, Syntax::Plain));
    let e = first("it takes 10/9 hours", EXPR, 0).unwrap();
    assert_eq!((e.text.as_str(), e.rule), ("10/9", Rule::PlainExpr));
}

#[test]
fn numbers_after_phrases() {
    assert_eq!(text("The answer is 42 apples, not 7.", EXPR, 0), some("42"));
    assert_eq!(text("Final Answer: The largest $n$ is 34.", DEFAULT, 0), some("34"));
    assert_eq!(text("Answer: the total is 17 and 3 are left", EXPR, 0), some("17"));
}

#[test]
fn numbers_inside_math_belong_to_latex() {
    assert_eq!(t0("The ordered pair is $(7, 6)$. <|im_start|>user"), some("(7, 6)"));
}

// ----- the string target -----

#[test]
fn option_letters() {
    for (input, want) in [
        ("B", "B"),
        ("(B)", "B"),
        (r"\textbf{(B)}", "B"),
        (r"\text{(C)}", "C"),
        ("The answer is B.", "B"),
        ("the correct option is **D**", "D"),
        ("故选：C", "C"),
        ("A number is even, so the answer is (E)", "E"),
    ] {
        let e = first(input, STRING, 0).unwrap_or_else(|| panic!("{input:?}"));
        assert_eq!((e.text.as_str(), e.rule), (want, Rule::OptionLetter), "{input:?}");
    }
}

#[test]
fn a_closing_equation_in_prose_states_its_value() {
    assert_eq!(t0("We get $m = 3$, $n = - 2$. Therefore, $m + n = 1$."), some("1"));
    assert_eq!(t0("Thus the sum is $3 \\cdot 20+20=590$."), some("590"));
    // A lone equation is the answer itself.
    assert_eq!(t0("$a +3z = 0$"), some("a +3z = 0"));
    assert_eq!(t0("$x^2/16 + y^2/12 = 1/4$"), some("x^2/16 + y^2/12 = 1/4"));
    // Not a number on the right, or another relation: the whole span.
    assert_eq!(t0("Therefore, $y = 2x + 3$."), some("y = 2x + 3"));
    assert_eq!(t0("Therefore, $x \\le 5 = y$."), some("x \\le 5 = y"));
}

/// The first candidate's text and rule.
fn text_rule(input: &str, targets: &[Target]) -> Option<(String, Rule)> {
    first(input, targets, DEFAULT_BOXED_PRIORITY).map(|e| (e.text, e.rule))
}

#[test]
fn a_chain_states_the_value_of_its_last_line() {
    let s = "Adding up,\n$$\n\\begin{aligned}\nT & =4 \\cdot 7+2 \\\\\n& =28+2 \\\\\n& =30\n\\end{aligned}\n$$";
    assert_eq!(text_rule(s, DEFAULT), Some(("30".into(), Rule::LatexEnv)));
    let s = "From here\n$$\n\\begin{aligned}\n1+\\frac{p}{100} & =1.05 \\\\\np & \\doteq 5 \\%\n\\end{aligned}\n$$";
    assert_eq!(text_rule(s, DEFAULT), Some(("5 \\%".into(), Rule::LatexEnv)));
    // A last line that bounds rather than states: the whole chain.
    let s = "From here\n$$\n\\begin{aligned}\nS & =4 \\\\\nS & \\leq 9\n\\end{aligned}\n$$";
    assert!(t50(s).is_some_and(|t| t.starts_with("\\begin{aligned}")));
}

#[test]
fn a_remark_after_the_solution_is_not_its_answer() {
    let s = "It follows that $N=40+3-1=\\mathbf{4 2}$.\n\nRemark: the answer for general $a$ and $b$ is $a+b-1$.";
    assert_eq!(t50(s), some("42"));
    let s = "Hence $x=3$.\n\n**Remark.** In general $x=n$.";
    assert_eq!(t50(s), some("3"));
    // Not a heading: a remark in the running text, or the text's first line.
    assert_eq!(t50("So $x=3$. A remark: in general $x=7$."), some("7"));
    assert_eq!(t50("Remark: $x=7$."), some("7"));
}

#[test]
fn an_adverb_after_the_answer_phrase() {
    let s = "With $T=36$, $s=6$, and the answer is thus $6 \\sqrt{\\mathbf{2}}-\\mathbf{2}$. To verify, $a+b=6$.";
    assert_eq!(text_rule(s, DEFAULT), Some(("6 \\sqrt{\\mathbf{2}}-\\mathbf{2}".into(), Rule::FinalAnswerPhrase)));
}

#[test]
fn this_answer_refers_back() {
    let s = "So $f(x)=k x$. Putting this answer in (1) we get $k^{2} x=x$. Therefore $f(x)=x$ and $f(x)=-x$ are solutions.";
    assert_eq!(t50(s), some("f(x)=x, f(x)=-x"));
    // "answer" announcing nothing else still finds the math near it.
    assert_eq!(t50("The answer \\( 9 \\) then."), some("9"));
}

#[test]
fn a_concluding_sentence_beats_a_later_remark() {
    let s = "Therefore, $m=4$ or $m=9$. That is, the 4th and 9th terms of $\\mathrm{P}$ and $\\mathrm{Q}$ agree.";
    assert_eq!(text_rule(s, DEFAULT), Some(("m=4, m=9".into(), Rule::LatexEnv)));
    let s = "Thus, $(p, q)=(1,2)$ or $(p, q)=(2,1)$.\n\n(We note that $p>0$ and $q>0$, as required.)";
    assert_eq!(t50(s), some("(p, q)=(1,2), (p, q)=(2,1)"));
    // A later equation is a further step: the last math wins.
    assert_eq!(t50("Thus, $y=2 x+1$. When $x=3$, $y=2 \\cdot 3+1=7$."), some("x=3, y=2 \\cdot 3+1=7"));
    // Not opening a sentence, or not ending one.
    assert_eq!(t50("and hence, $k=4$. Also $\\mathrm{A}$ is big."), some("\\mathrm{A}"));
    assert_eq!(t50("Therefore, $k=4$ is odd. Also $\\mathrm{A}$ is big."), some("\\mathrm{A}"));
}

#[test]
fn calculator_annotations_and_the_stated_result() {
    let s = "She has 3 * 6 = <<3*6=18>>18 cups.\nSo 18 cups/6 cups = <<18/6=3>>3 boxes of 6 cups.";
    assert_eq!(text_rule(s, DEFAULT), Some(("3".into(), Rule::Number)));
    let s = "You save $3 + $1 = $4 for 2 pens and 5 pads.";
    assert_eq!(text_rule(s, DEFAULT), Some(("4".into(), Rule::Number)));
    // No `=` in the last sentence: its last number.
    assert_eq!(t50("x = 4. She buys 3 more, 12 in all."), some("12"));
}

#[test]
fn a_letter_that_ends_the_text() {
    let both = &[Target::String, Target::Latex, Target::Expr];
    let s = "P(A/B) = 0.16/0.8\nP(A/B) = 0.2\nA";
    assert_eq!(text_rule(s, both), Some(("A".into(), Rule::OptionLetter)));
    assert_eq!(text_rule("so 0.2 C.", both), Some(("C".into(), Rule::OptionLetter)));
    // A letter followed by more working is not the last token.
    assert_eq!(text_rule("the point C lies on it, so P = 0.3", both), Some(("0.3".into(), Rule::Number)));
}

#[test]
fn qualifiers_and_asides_are_not_the_statement() {
    let s = "so $\\sin x=\\frac{3}{5}$ since $\\sin x>0$ because $0^{\\circ}<x<90^{\\circ}$.";
    assert_eq!(t50(s), some("\\frac{3}{5}"));
    assert_eq!(t50("we have $h(n)=2$ for all $n$."), some("2"));
    assert_eq!(t50("which gives $p q=7 \\sqrt[3]{2}$ (and $r=-\\sqrt[3]{4}$ )."), some("7 \\sqrt[3]{2}"));
    // The lone math of a sentence is its statement, whatever precedes it.
    assert_eq!(t50("This holds for all $n$."), some("n"));
}

#[test]
fn an_extremum_stated_first() {
    let s = "The largest such number is 98721. First, note that $A_{1}=9$, so $A_{6} \\geq 8$.";
    assert_eq!(text_rule(s, DEFAULT), Some(("98721".into(), Rule::FinalAnswerPhrase)));
    let s = "The least possible degree is $3 k$.\n\nWe show $\\deg P \\geq 3 k$ and so $P=0$.";
    assert_eq!(t50(s), some("3 k"));
    // An opening sentence that names no extremum is not an answer.
    assert_eq!(t50("The area of the square is 16. So $s=4$."), some("4"));
}

#[test]
fn math_with_its_outer_dollars_stripped() {
    assert_eq!(text_rule("69$,$84", DEFAULT), Some(("69,84".into(), Rule::WholeText)));
    assert_eq!(t50("f(n)=n$, $g(n)=1"), some("f(n)=n, g(n)=1"));
    // Words between the spans: prose, not one answer.
    assert_ne!(text_rule("f(x)=a x+b$, where $b$ is any integer, and $a>0", DEFAULT).map(|t| t.1), Some(Rule::WholeText));
}

#[test]
fn capital_names_are_not_prose() {
    assert_eq!(text_rule("SRAC=LRAC", DEFAULT), Some(("SRAC=LRAC".into(), Rule::WholeText)));
}

#[test]
fn an_announced_letter_beats_its_option_value() {
    // Letters first (a letter gold): the letter the phrase announces, not
    // the option's value written after it.
    let both = &[Target::String, Target::Latex, Target::Expr];
    assert_eq!(text("x = 61.\nThe answer is option D) 61.", both, 0), some("D"));
    assert_eq!(text("The answer is option D) 61", both, 0), some("D"));
    assert_eq!(text("The answer is (C) $\\frac{1}{2}$.\nDone.", both, 0), some("C"));
    // Without the string target, the value.
    assert_eq!(text("The answer is option D) 61.", DEFAULT, 0), some("61"));
}

#[test]
fn the_article_is_not_an_option() {
    assert_eq!(text("a triangle has a right angle", STRING, 0), None);
    assert_eq!(text("A triangle has three sides", STRING, 0), None);
}

// ----- whole text -----

#[test]
fn whole_text_answers() {
    for (input, syntax) in [
        (r"\dfrac{1}{9}", Syntax::Latex),
        (r"900,\!000,\!000", Syntax::Latex),
        ("x^2+1", Syntax::Latex),
        ("(1, 2)", Syntax::Latex),
        ("x**2 + 1", Syntax::Plain),
        (r"p = -1 \text{ and } p = \dfrac{15}{8}", Syntax::Latex),
    ] {
        let e = first(input, DEFAULT, 50).unwrap_or_else(|| panic!("{input:?}"));
        assert_eq!((e.text.as_str(), e.rule, e.syntax), (input, Rule::WholeText, syntax), "{input:?}");
    }
}

#[test]
fn whole_text_is_not_prose() {
    let e = first("so the number is 10 which is 1,000.99m²", DEFAULT, 50).unwrap();
    assert_ne!(e.rule, Rule::WholeText);
    assert_eq!(e.text, "1000.99");
}

#[test]
fn gold_strings() {
    assert_eq!(t0(r"$\frac{1}{3}$"), some(r"\frac{1}{3}"));
    assert_eq!(
        t0("\\boxed{\n\\begin{pmatrix} 0 & 3 \\end{pmatrix}\n}.\n\\end{align*}"),
        some(r"\begin{pmatrix} 0 & 3 \end{pmatrix}")
    );
    assert_eq!(t0(r"x \in \boxed{\{-1\} \cup [0,7)}.$"), some(r"\{-1\} \cup [0,7)"));
    assert_eq!(t0(r" So the answer is: \[ \boxed{11111111100} \]"), some("11111111100"));
}

// ----- bounds -----

#[test]
fn no_answer_in_empty_or_plain_prose() {
    assert_eq!(t0(""), None);
    assert_eq!(t0("   "), None);
    assert_eq!(text("we do not know yet", DEFAULT, 0), None);
}

#[test]
fn candidates_are_bounded_and_distinct() {
    let s = "$1$ $2$ $3$ ".repeat(100) + r"\boxed{9}";
    let all = extract_all(&s, DEFAULT, 0);
    assert!(all.len() <= MAX_CANDIDATES);
    assert_eq!(all[0].text, "9");
    let mut texts: Vec<_> = all.iter().map(|e| (&e.text, e.syntax)).collect();
    texts.dedup();
    assert_eq!(texts.len(), all.len());
}

#[test]
fn ten_megabytes_in_linear_time() {
    let chunk = "Thus the answer is $x$ and \\boxed{3}, so 1,000.99 (B) $$y$$ \\(z\\) 所以答案是 5。 ";
    let s = chunk.repeat(10_000_000 / DEBUG_SHRINK / chunk.len());
    let t = std::time::Instant::now();
    let all = extract_all(&s, &[Target::Latex, Target::Expr, Target::String], 0);
    assert!(!all.is_empty());
    let secs = t.elapsed().as_secs_f64();
    assert!(secs < 20.0, "took {secs:.1}s");
}

#[test]
fn pathological_delimiters() {
    for unit in [
        "$",
        "$$",
        "\\(",
        "\\[",
        "\\boxed{",
        "{",
        "answer is ",
        "所以",
        "(",
        "\\frac{1}{",
        "\\text{",
        "(1+",
        "A ",
        "**(",
        "answer: \\boxed{",
        "Therefore $x$ ",
        "1,000 ",
        "\\textbf{(",
    ] {
        let s = unit.repeat(2_000_000 / DEBUG_SHRINK / unit.len());
        let t = std::time::Instant::now();
        let _ = extract_all(&s, &[Target::Latex, Target::Expr, Target::String], 0);
        assert!(t.elapsed().as_secs_f64() < 10.0, "{unit:?}");
    }
}

/// Random inputs made of tricky pieces never panic (char boundaries,
/// unclosed delimiters, nested phrases).
#[test]
fn random_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "$",
        "$$",
        "\\(",
        "\\)",
        "\\[",
        "\\]",
        "\\boxed{",
        "}",
        "{",
        "\\text{",
        "answer",
        " is ",
        ":",
        "：",
        "答案",
        "为",
        "是",
        "所以",
        "。",
        "，",
        "–",
        "π",
        "√",
        "²",
        "€",
        "1",
        "23",
        ",",
        "000",
        ".",
        "5",
        "-",
        "+",
        "/",
        "(",
        ")",
        "B",
        "(C)",
        "A ",
        "x",
        " ",
        "\n",
        "and",
        "or",
        "Final Answer",
        "Therefore",
        "so",
        "I hope",
        "percent",
        "%",
        "\\frac{1}{2}",
        "**",
        "\\",
        "选",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let s: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        for prio in [-1, 0, 50] {
            for e in extract_all(&s, &[Target::Latex, Target::Expr, Target::String], prio) {
                assert!(e.span.start <= e.span.end && e.span.end <= s.len(), "{s:?}");
                assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end), "{s:?}");
                assert_ne!(e.syntax, Syntax::Auto);
            }
        }
    }
}

#[test]
fn gsm8k_answer_line() {
    let out = "She sold 48 + 24 = 72 clips.\n#### 72\n\nA note with 5 more numbers: 99.";
    let e = first(out, &[Target::Latex, Target::Expr], 50).unwrap();
    assert_eq!((e.text.as_str(), e.rule), ("72", Rule::FinalAnswerPhrase));
    // Thousands commas as GSM8K writes them (the parser reads `1,200` as
    // 1200).
    assert_eq!(t50("So the total is 1200 dollars.\n  #### 1,200"), some("1,200"));
    // A markdown heading of five hashes, or hashes inside a line, is not it.
    assert_eq!(t50("Total 3 apples.\n##### 9 Notes\nThen 4 pears."), some("4"));
    assert_eq!(t50("we write ####5 here and 7 there"), some("7"));
}

#[test]
fn where_a_remark_starts() {
    assert_eq!(remark_start("x\nRemark: y"), Some(2));
    assert_eq!(remark_start("x\n  **Remarks**. y"), Some(2));
    assert_eq!(remark_start("x\n## Comment: y"), Some(2));
    // The first heading of either word.
    assert_eq!(remark_start("a\nComment: b\nRemark: c"), Some(2));
    assert_eq!(remark_start("a\nRemark: b\nComment: c"), Some(2));
    // Not a heading: the text's first line, a word in a line, another word,
    // no `:` / `.` after it.
    assert_eq!(remark_start("Remark: x"), None);
    assert_eq!(remark_start("x\nA Remark: y"), None);
    assert_eq!(remark_start("x\nRemarkable: y\nCommentary. z"), None);
    assert_eq!(remark_start("x\nRemark y\nComment: z"), Some(11));
    assert_eq!(remark_start("x\nRRemark: y\nCComment: z"), None);
}

/// `first_accepted` tries exactly the candidates of `extract_all`, in
/// order, though it builds them lazily in two passes.
#[test]
fn first_accepted_tries_the_full_list_in_order() {
    let texts = [
        "So $\\boxed{1}$ and then $\\boxed{2}$, or \\boxed{3}. The answer is $4$.",
        "The final answer is $5$. I hope it is correct.",
        "We get $x=2$, hence $y = 3$. Therefore, $z=4$.\nA) 1 B) 2\nB",
        "\\boxed{}, \\boxed{ }, then 7 apples and 8 pears = 15 fruits.",
        "Remark: no. \n\\boxed{1}\nRemark: the answer for general n is $n$.",
    ];
    let target_sets: [&[Target]; 4] = [DEFAULT, STRING, EXPR, &[Target::String, Target::Latex, Target::Expr]];
    for s in texts {
        for targets in target_sets {
            for prio in [0, 50, -1, 100] {
                let all = extract_all(s, targets, prio);
                let mut tried = Vec::new();
                let none = first_accepted(s, targets, prio, |c| {
                    tried.push(c);
                    None::<()>
                });
                assert!(none.is_none());
                assert_eq!(tried, all, "{s:?} {targets:?} {prio}");
                for k in 0..all.len() {
                    let mut n = 0;
                    let got = first_accepted(s, targets, prio, |c| {
                        n += 1;
                        (n == k + 1).then_some(c)
                    });
                    assert_eq!(got.as_ref(), Some(&all[k]), "{s:?} {targets:?} {prio} #{k}");
                }
            }
        }
    }
}

/// A bare number is offered first as the whole text without building the
/// document: that must be exactly what the full list gives first, for
/// every target list and box priority the shortcut is taken with, and a
/// caller rejecting it must get what the full list gives next.
#[test]
fn a_bare_number_is_first_the_whole_text() {
    let mut inputs: Vec<String> = Vec::new();
    for n in ["0", "7", "140", "007", "1000000", "123456789012345678901234567890", "3.5", "0.25", "12.000"] {
        for sign in ["", "-"] {
            for (pre, post) in [("", ""), (" ", " "), ("\n", ""), ("\t", "\n"), ("\u{a0}", "")] {
                inputs.push(format!("{pre}{sign}{n}{post}"));
            }
        }
    }
    let target_lists: [&[Target]; 4] = [DEFAULT, LATEX, &[Target::Expr, Target::Latex], &[Target::Latex, Target::Latex, Target::Expr]];
    for s in &inputs {
        assert!(bare_number_whole(s, DEFAULT).is_some(), "{s:?}");
        for targets in target_lists {
            for prio in [0, DEFAULT_BOXED_PRIORITY, -1] {
                let all = extract_all(s, targets, prio);
                assert_eq!(bare_number_whole(s, targets).as_ref(), all.first(), "{s:?} {targets:?} {prio}");
                assert_eq!(first_accepted(s, targets, prio, Some), all.first().cloned(), "{s:?} {targets:?} {prio}");
                // Rejecting the whole text: the rest of the list, in order.
                let not_whole = |e: Extraction| (e.rule != Rule::WholeText).then_some(e);
                let want = all.iter().cloned().find_map(not_whole);
                assert_eq!(first_accepted(s, targets, prio, not_whole), want, "{s:?} {targets:?} {prio}");
            }
        }
    }
    // Not bare numbers: the shortcut is not taken.
    for s in ["", "-", "1.", ".5", "1e5", "1,000", "+3", "--3", "3-", "1.2.3", "١٢", "12 apples", "1234567890123456789012345678901"] {
        assert_eq!(bare_number_whole(s, DEFAULT), None, "{s:?}");
    }
    // Nor for targets with strings (option letters) or without LaTeX.
    assert_eq!(bare_number_whole("5", STRING), None);
    assert_eq!(bare_number_whole("5", &[Target::Latex, Target::String]), None);
    assert_eq!(bare_number_whole("5", EXPR), None);
}
