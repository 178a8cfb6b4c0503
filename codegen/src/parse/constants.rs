//! Enum initializers folded to their values, as TypeScript's constant enum evaluation does:
//! literals, unary and binary arithmetic and bit operators, template strings without
//! substitutions, and references to earlier members (`B = A << 1`, `C = E.A | E.B`).

use swc_ecma_ast as ast;

/// The value of a constant enum expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Folded {
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// Not a constant expression (a call, an unknown name).
    Unknown,
}

/// Folds `expr`, an initializer in enum `enum_name` whose earlier members are `known`.
pub(super) fn fold_enum(expr: &ast::Expr, enum_name: &str, known: &[(String, Folded)]) -> Folded {
    let member = |name: &str| {
        known.iter().rev().find(|(n, _)| n == name).map_or(Folded::Unknown, |(_, v)| v.clone())
    };
    match expr {
        ast::Expr::Lit(ast::Lit::Num(n)) => Folded::Number(n.value),
        ast::Expr::Lit(ast::Lit::Str(s)) => Folded::String(s.value.to_atom_lossy().to_string()),
        ast::Expr::Tpl(t) if t.exprs.is_empty() => Folded::String(
            t.quasis
                .iter()
                .filter_map(|q| q.cooked.as_ref())
                .map(|c| c.to_atom_lossy().to_string())
                .collect(),
        ),
        ast::Expr::Paren(p) => fold_enum(&p.expr, enum_name, known),
        ast::Expr::Ident(id) => member(&id.sym),
        ast::Expr::Member(m) => match (&*m.obj, &m.prop) {
            (ast::Expr::Ident(obj), ast::MemberProp::Ident(prop)) if obj.sym == *enum_name => {
                member(&prop.sym)
            }
            _ => Folded::Unknown,
        },
        ast::Expr::Unary(u) => match fold_enum(&u.arg, enum_name, known) {
            Folded::Number(n) => match u.op {
                ast::UnaryOp::Minus => Folded::Number(-n),
                ast::UnaryOp::Plus => Folded::Number(n),
                ast::UnaryOp::Tilde => Folded::Number(f64::from(!to_i32(n))),
                _ => Folded::Unknown,
            },
            _ => Folded::Unknown,
        },
        ast::Expr::Bin(b) => {
            let left = fold_enum(&b.left, enum_name, known);
            let right = fold_enum(&b.right, enum_name, known);
            binary(b.op, left, right)
        }
        _ => Folded::Unknown,
    }
}

fn binary(op: ast::BinaryOp, left: Folded, right: Folded) -> Folded {
    use ast::BinaryOp as B;
    let (l, r) = match (left, right) {
        (Folded::Number(l), Folded::Number(r)) => (l, r),
        (Folded::String(l), Folded::String(r)) if op == B::Add => {
            return Folded::String(l + &r);
        }
        _ => return Folded::Unknown,
    };
    // JavaScript's shifts take the count modulo 32.
    let shift = (to_i32(r) as u32) & 31;
    let value = match op {
        B::Add => l + r,
        B::Sub => l - r,
        B::Mul => l * r,
        B::Div => l / r,
        B::Mod => l % r,
        B::Exp => l.powf(r),
        B::BitOr => f64::from(to_i32(l) | to_i32(r)),
        B::BitAnd => f64::from(to_i32(l) & to_i32(r)),
        B::BitXor => f64::from(to_i32(l) ^ to_i32(r)),
        B::LShift => f64::from(to_i32(l).wrapping_shl(shift)),
        B::RShift => f64::from(to_i32(l) >> shift),
        B::ZeroFillRShift => f64::from((to_i32(l) as u32) >> shift),
        _ => return Folded::Unknown,
    };
    if value.is_finite() {
        Folded::Number(value)
    } else {
        Folded::Unknown
    }
}

/// JavaScript's ToInt32: the number modulo 2^32, as a signed 32-bit integer.
fn to_i32(n: f64) -> i32 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(4_294_967_296.0) as u32 as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_and_bit_operators_fold_as_javascript_does() {
        let n = Folded::Number;
        assert_eq!(binary(ast::BinaryOp::LShift, n(1.0), n(3.0)), n(8.0));
        assert_eq!(binary(ast::BinaryOp::LShift, n(1.0), n(31.0)), n(-2_147_483_648.0));
        assert_eq!(binary(ast::BinaryOp::LShift, n(1.0), n(33.0)), n(2.0));
        assert_eq!(binary(ast::BinaryOp::BitOr, n(1.0), n(4.0)), n(5.0));
        assert_eq!(binary(ast::BinaryOp::ZeroFillRShift, n(-1.0), n(0.0)), n(4_294_967_295.0));
        assert_eq!(binary(ast::BinaryOp::Div, n(1.0), n(0.0)), Folded::Unknown);
        assert_eq!(
            binary(ast::BinaryOp::Add, Folded::String("a".into()), Folded::String("b".into())),
            Folded::String("ab".into())
        );
    }
}
