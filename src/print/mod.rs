//! Printers: trees back to LaTeX and plain text.

use crate::ast::Expr;

pub fn to_latex(e: &Expr) -> String {
    format!("{:?}", e.kind)
}

pub fn to_plain(e: &Expr) -> String {
    format!("{:?}", e.kind)
}
