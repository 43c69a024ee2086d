use mathgrade::{canonical, parse, to_latex, to_plain, Syntax};

#[test]
fn roundtrip_scratch() {
    let inputs = [
        r"\frac{2}{4}", r"x+x", r"(x+1)^2", r"2\frac{1}{2}", r"\sqrt{8}", r"b+a", r"\sin^2 x", r"x > 3",
        r"\frac{x+2}{7}", r"x - 3", r"\sqrt[3]{x}", r"2^{-1/2}", r"\frac{1}{x}", r"e^{x}", r"(-2)^x",
        r"\sqrt{2}\sqrt{3}", r"\sqrt{-4}", r"\sqrt{\frac{2}{3}}", r"\frac{1}{1-x}", r"(x+1)^{300}",
        r"\log x", r"\log_2 x", r"\ln x", r"n!", r"(n+1)!", r"\binom{n}{k}", r"\left|x\right|",
        r"\lfloor x \rfloor", r"\lceil x\rceil", r"\gcd(a, b)", r"\operatorname{lcm}(a,b)", r"\min(a,b)",
        r"\max(a, b, 3)", r"a \bmod b", r"f(x)", r"\sum_{k=1}^{n} k^2", r"\prod_{k=1}^{n} k",
        r"\int_0^1 x^2 \, dx", r"\int x^2 dx", r"\lim_{x \to 0^+} f(x)", r"\lim_{x\to\infty} \frac{1}{x}",
        r"\frac{d}{dx} x^2", r"\frac{d^2}{dx^2} x^3", r"a \le b", r"a \ne b", r"x \in \mathbb{R}",
        r"A \subseteq B", r"28\%", r"30^\circ", r"10 \text{ cm}", r"\{1, 2, 2\}", r"(1, 2)", r"[0, 1)",
        r"(0, 1]", r"[0,1]", r"A \cup B \cup A", r"A \cap B", r"A \setminus B", r"\emptyset", r"\mathbb{Z}",
        r"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}", r"\begin{vmatrix}1 & 2 \\ 3 & 4\end{vmatrix}",
        r"\begin{cases}x & x > 0 \\ 0 & \text{otherwise}\end{cases}", r"\text{Evelyn}", r"3 \pm 1", r"\pm 2",
        r"\alpha + \beta", r"x_1 + x_2", r"\bar{x}", r"f'(x)", r"0.25", r"1.5e-3", r"-\frac{1}{2}",
        r"\frac{\sqrt{2}}{2}", r"2 \cdot 3", r"x^{-2}", r"\frac{3x}{y^2}", r"\sin(x)\cos(x)", r"\arcsin x",
        r"\operatorname{arsinh} x", r"\sec x", r"\csc^2 x", r"\tan^{-1} x", r"i^2", r"(1+i)^2", r"\pi r^2",
        r"1, 2, 3", r"\sqrt{x^2}", r"\sqrt{4x}", r"x^{x}", r"2^{x+1}", r"-x^2", r"(-x)^2", r"-(a+b)",
        r"\frac{a}{b} \cdot \frac{c}{d}", r"\frac{1}{2}x", r"x y z", r"\sqrt[4]{-1}", r"\infty", r"-\infty",
        r"\frac{1}{\sqrt{x}}", r"(x+1)(x+2)(x+3)", r"\frac{x^2-1}{x+1}", r"\log_{10} 100", r"\ln e^3",
        r"10!", r"\binom{5}{2}", r"\gcd(12, 18)", r"\left|-3\right|", r"7 \bmod 3", r"\sqrt{12}", r"x^{\frac{3}{2}}",
        r"\sqrt[3]{x^2}", r"a_{i,j}", r"-2^2", r"(-2)^2", r"2^{3^2}", r"x^{-1/2}", r"\left(\frac{1}{2}\right)^2",
        r"\sqrt{2}^3", r"(x^2)^3", r"(n!)^2", r"\sin(x)^2", r"\ln(x)^2", r"(\ln x)^2", r"2 \times (-3)", r"x \cdot (-y)",
        r"a - (b - c)", r"a - (-b)", r"\frac{-1}{x}", r"-\frac{x}{2}", r"\frac{x}{-2}", r"\pm\sqrt{2}", r"e^{-x}",
        r"e^{2x}", r"2^{-x}", r"x^{-n}", r"f(x+1)", r"f(x, y)", r"\sum_{k} k", r"\left|x-1\right|^2", r"\frac{1}{2}\%",
        r"-5 \text{ cm}", r"(1, 2, 3)", r"(0, 1) \cup (2, 3)", r"A \cup (B \cap C)", r"(A \cup B) \cap C",
        r"A \setminus (B \setminus C)", r"\begin{pmatrix}-1 & x+1\end{pmatrix}", r"x = 2", r"2 = x", r"y = 2x + 1",
        r"\frac{1}{x^2+1}", r"\frac{2}{3}x^2", r"-x", r"-2x", r"x^2 - 2x + 1", r"\frac{x}{y}\frac{z}{w}",
        r"\sqrt{x}\sqrt{x}", r"\sqrt{x}\sqrt{y}", r"x^{1/2} y^{1/2}", r"\sin x + \cos x", r"\sin(2x)",
        r"3 e^{x}", r"\pi/2", r"\frac{\pi}{2}", r"2\pi", r"\frac{3\pi}{4}", r"\sqrt{3}/2", r"\frac{1+\sqrt{5}}{2}",
        r"1.50", r"33.3\%", r"x^{0}", r"0^0", r"\frac{1}{0}", r"0 \cdot x", r"1^{x}", r"x^1", r"\hat{y}", r"x''", r"\frac{d}{dx} \left(x^2 + 1\right)", r"2x \cdot 3y",
    ];
    let mut fails = 0;
    for s in inputs {
        let e = match parse(s, Syntax::Latex) { Ok(e) => e, Err(err) => { println!("PARSE FAIL {s}: {err:?}"); continue } };
        // Printing the raw tree must keep its canonical form too.
        let c = canonical(&e);
        for (kind, raw) in [("latex", to_latex(&e)), ("plain", to_plain(&e))] {
            let syn = if kind == "latex" { Syntax::Latex } else { Syntax::Plain };
            match parse(&raw, syn).map(|t| canonical(&t)) {
                Ok(b) if b == c => {}
                other => { fails += 1; println!("!! raw {kind} {s}: printed {raw} -> {:?}", other.map(|b| to_latex(&b))); }
            }
        }
        let l = to_latex(&c);
        let p = to_plain(&c);
        let back_l = parse(&l, Syntax::Latex).map(|t| canonical(&t));
        let back_p = parse(&p, Syntax::Plain).map(|t| canonical(&t));
        let ok_l = back_l.as_ref().map(|b| *b == c).unwrap_or(false);
        let ok_p = back_p.as_ref().map(|b| *b == c).unwrap_or(false);
        let mark = if ok_l && ok_p { "  " } else { fails += 1; "!!" };
        println!("{mark} {s:45} | {l:45} | {p}");
        if !ok_l { println!("     latex back: {:?}", back_l.map(|b| to_latex(&b))); }
        if !ok_p { println!("     plain back: {:?}", back_p.map(|b| to_plain(&b))); }
    }
    println!("fails: {fails}");
}
