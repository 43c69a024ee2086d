//! A compact s-expression form of a tree, for tests and debugging:
//! `x^2 + 2x` is `(add (pow x 2) (mul 2 x))`. Spans are left out.

use std::fmt::Write;

use super::{Expr, ExprKind, Symbol};

impl Expr {
    pub fn sexpr(&self) -> String {
        let mut out = String::new();
        write_sexpr(self, &mut out);
        out
    }
}

fn sym(s: &Symbol) -> String {
    let mut out = String::new();
    if let Some(a) = &s.accent {
        let _ = write!(out, "{a}:");
    }
    out.push_str(&s.name);
    if let Some(sub) = &s.sub {
        let _ = write!(out, "_{{{sub}}}");
    }
    for _ in 0..s.primes {
        out.push('\'');
    }
    out
}

fn write_sexpr(e: &Expr, out: &mut String) {
    use ExprKind::*;
    let list = |out: &mut String, head: &str, items: &[&Expr]| {
        out.push('(');
        out.push_str(head);
        for i in items {
            out.push(' ');
            write_sexpr(i, out);
        }
        out.push(')');
    };
    match &e.kind {
        Integer { value } => {
            let _ = write!(out, "{value}");
        }
        Rational { value } => {
            let _ = write!(out, "{}/{}", value.numer(), value.denom());
        }
        Decimal { text, .. } => {
            let _ = write!(out, "{text}");
        }
        Symbol { sym: s } => out.push_str(&sym(s)),
        Constant { constant } => {
            let _ = write!(out, "{}", format!("{constant:?}").to_lowercase());
        }
        Add { terms } => list(out, "add", &terms.iter().collect::<Vec<_>>()),
        Mul { factors } => list(out, "mul", &factors.iter().collect::<Vec<_>>()),
        Div { num, den } => list(out, "div", &[num, den]),
        Pow { base, exp } => list(out, "pow", &[base, exp]),
        Root { radicand, index } => match index {
            Some(i) => list(out, "root", &[radicand, i]),
            None => list(out, "sqrt", &[radicand]),
        },
        Neg { arg } => list(out, "neg", &[arg]),
        PlusMinus { lhs, rhs, minus_plus } => {
            let head = if *minus_plus { "mp" } else { "pm" };
            match lhs {
                Some(l) => list(out, head, &[l, rhs]),
                None => list(out, head, &[rhs]),
            }
        }
        Func { func, args } => list(out, func.name(), &args.iter().collect::<Vec<_>>()),
        Apply { name, args } => list(out, &format!("apply {}", sym(name)), &args.iter().collect::<Vec<_>>()),
        BigOp { op, body, var, lower, upper } => {
            let head = format!(
                "{} {}",
                format!("{op:?}").to_lowercase(),
                var.as_ref().map_or("_".to_string(), sym)
            );
            let mut items: Vec<&Expr> = vec![body];
            items.extend(lower.as_deref());
            items.extend(upper.as_deref());
            list(out, &head, &items)
        }
        Integral { body, var, lower, upper } => {
            let head = format!("integral {}", var.as_ref().map_or("_".to_string(), sym));
            let mut items: Vec<&Expr> = vec![body];
            items.extend(lower.as_deref());
            items.extend(upper.as_deref());
            list(out, &head, &items)
        }
        Limit { body, var, to, dir } => {
            let d = match dir {
                Some(super::LimitDir::Plus) => "+",
                Some(super::LimitDir::Minus) => "-",
                None => "",
            };
            list(out, &format!("limit {}{d}", sym(var)), &[body, to])
        }
        Derivative { body, var, order } => list(out, &format!("derivative {} {order}", sym(var)), &[body]),
        Relation { ops, operands } => {
            out.push_str("(rel");
            for (i, o) in operands.iter().enumerate() {
                out.push(' ');
                write_sexpr(o, out);
                if let Some(op) = ops.get(i) {
                    let _ = write!(out, " {}", format!("{op:?}").to_lowercase());
                }
            }
            out.push(')');
        }
        Percent { value } => list(out, "percent", &[value]),
        Quantity { value, unit } => list(out, &format!("quantity {unit:?}"), &[value]),
        Set { items } => list(out, "set", &items.iter().collect::<Vec<_>>()),
        Tuple { items } => list(out, "tuple", &items.iter().collect::<Vec<_>>()),
        List { items } => list(out, "list", &items.iter().collect::<Vec<_>>()),
        Interval { lo, hi, lo_closed, hi_closed } => {
            let head = format!("interval{}{}", if *lo_closed { "[" } else { "(" }, if *hi_closed { "]" } else { ")" });
            list(out, &head, &[lo, hi])
        }
        SetOp { op, lhs, rhs } => list(out, &format!("{op:?}").to_lowercase(), &[lhs, rhs]),
        NumberSet { set } => {
            let _ = write!(out, "{}", format!("{set:?}").to_lowercase());
        }
        EmptySet => out.push_str("emptyset"),
        Matrix { kind, rows } => {
            let _ = write!(out, "(matrix {}", format!("{kind:?}").to_lowercase());
            for r in rows {
                out.push_str(" [");
                for (i, c) in r.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    write_sexpr(c, out);
                }
                out.push(']');
            }
            out.push(')');
        }
        Piecewise { pieces } => {
            out.push_str("(piecewise");
            for (v, c) in pieces {
                out.push_str(" [");
                write_sexpr(v, out);
                if let Some(c) = c {
                    out.push(' ');
                    write_sexpr(c, out);
                }
                out.push(']');
            }
            out.push(')');
        }
        Text { text } => {
            let _ = write!(out, "{text:?}");
        }
    }
}
