//! Typing a `where` condition: fields become [`Key`]s, words become the
//! model's enums (`killed` is [`Measure::Killed`]), dates become ranges;
//! anything that does not fit is a diagnostic pointing at the offending text.

use super::{Check, Filter, Key, Res, Rows, Type, Words, FIELD_NAMES};
use crate::model::{
    Bound, ClaimKind, DateRange, EntityKind, EventKind, FindingKind, Measure, Polarity, Precision,
};
use crate::query::ast::*;
use crate::query::diagnostic::{Code, Diagnostic};
use std::fmt;

pub(super) fn all(items: Vec<Filter>) -> Filter {
    let mut items: Vec<Filter> = items
        .into_iter()
        .flat_map(|f| match f {
            Filter::All(inner) => inner,
            other => vec![other],
        })
        .collect();
    if items.len() == 1 {
        if let Some(only) = items.pop() {
            return only;
        }
    }
    Filter::All(items)
}

pub(super) fn relation(r: &Relation, rows: Rows) -> Res<Check> {
    if !rows.relations().contains(&r.kind) {
        let allowed: Vec<&str> = rows.relations().iter().map(|k| k.as_str()).collect();
        let help = if allowed.is_empty() {
            format!("{} take no relation", rows.as_str())
        } else {
            format!("{} take: {}", rows.as_str(), allowed.join(", "))
        };
        return Err(Diagnostic::new(
            Code::BadClause,
            format!("`{}` does not apply to {}", r.kind.as_str(), rows.as_str()),
            r.span,
        )
        .with_label("not a relation of these rows")
        .with_help(help));
    }
    let allowed: &[NodeKind] = match r.kind {
        RelationKind::In => &[NodeKind::Entity, NodeKind::Document],
        RelationKind::About => &[NodeKind::Entity, NodeKind::Event],
        _ => &[NodeKind::Entity],
    };
    if let Node::Id { kind, span, .. } = &r.node {
        if !allowed.contains(kind) {
            let words: Vec<String> = allowed.iter().map(|k| format!("`{k} N`")).collect();
            return Err(Diagnostic::new(
                Code::BadValue,
                format!("`{}` cannot refer to a {kind}", r.kind.as_str()),
                *span,
            )
            .with_label(format!("expected a quoted name or {}", words.join(" or "))));
        }
    }
    Ok(Check::Related {
        relation: r.kind,
        node: r.node.clone(),
    })
}

pub(super) fn filter(cond: &Condition, rows: Rows) -> Res<Filter> {
    Ok(match cond {
        Condition::And(items) => {
            Filter::All(items.iter().map(|c| filter(c, rows)).collect::<Res<_>>()?)
        }
        Condition::Or(items) => {
            Filter::Any(items.iter().map(|c| filter(c, rows)).collect::<Res<_>>()?)
        }
        Condition::Not(inner) => Filter::Not(Box::new(filter(inner, rows)?)),
        Condition::Test(test) => self::test(test, rows)?,
    })
}

fn test(t: &Test, rows: Rows) -> Res<Filter> {
    match t {
        Test::Relation(r) => Ok(Filter::Check(relation(r, rows)?)),
        Test::Compare { field, op, value } => {
            let k = key(field, rows)?;
            compare(k, field, *op, value, rows)
        }
        Test::Between { field, low, high } => {
            let k = key(field, rows)?;
            if !matches!(type_of(k, rows), Type::Int | Type::Figure | Type::Date) {
                return Err(Diagnostic::new(
                    Code::BadValue,
                    format!(
                        "`between` needs numbers or dates; `{}` is neither",
                        k.as_str()
                    ),
                    field.span,
                )
                .with_label("not a number or a date field"));
            }
            Ok(Filter::All(vec![
                compare(k, field, CmpOp::Ge, low, rows)?,
                compare(k, field, CmpOp::Le, high, rows)?,
            ]))
        }
        Test::OneOf { field, values } => {
            let k = key(field, rows)?;
            let checks = values
                .iter()
                .map(|v| compare(k, field, CmpOp::Eq, v, rows))
                .collect::<Res<Vec<_>>>()?;
            Ok(merge_sets(checks))
        }
        Test::Contains { field, text } => {
            let k = key(field, rows)?;
            if !matches!(type_of(k, rows), Type::Text | Type::Texts) {
                let texts: Vec<&str> = rows
                    .fields()
                    .iter()
                    .filter(|f| matches!(f.ty, Type::Text | Type::Texts))
                    .map(|f| f.key.as_str())
                    .collect();
                return Err(Diagnostic::new(
                    Code::BadValue,
                    format!("`contains` needs a text field; `{}` is not one", k.as_str()),
                    field.span,
                )
                .with_label("not a text field")
                .with_help(format!(
                    "text fields of {}: {}",
                    rows.as_str(),
                    texts.join(", ")
                )));
            }
            Ok(Filter::Check(Check::Text {
                key: k,
                contains: true,
                text: text.text.clone(),
            }))
        }
    }
}

/// `measure in (killed, wounded)` as one set test rather than an `Any`.
fn merge_sets(checks: Vec<Filter>) -> Filter {
    let mut merged: Option<Check> = None;
    let mut rest = Vec::new();
    for f in checks {
        match (&mut merged, f) {
            (
                None,
                Filter::Check(
                    c @ (Check::Measure(_)
                    | Check::Bound(_)
                    | Check::Polarity(_)
                    | Check::ClaimKind(_)
                    | Check::EntityKind(_)
                    | Check::EventKind(_)
                    | Check::FindingKind(_)
                    | Check::NodeKind(_)),
                ),
            ) => merged = Some(c),
            (Some(m), Filter::Check(c)) => {
                if let Err(c) = extend_set(m, c) {
                    rest.push(Filter::Check(c));
                }
            }
            (_, other) => rest.push(other),
        }
    }
    if let Some(m) = merged {
        rest.insert(0, Filter::Check(m));
    }
    if rest.len() == 1 {
        if let Some(only) = rest.pop() {
            return only;
        }
    }
    Filter::Any(rest)
}

fn extend_set(into: &mut Check, c: Check) -> Result<(), Check> {
    match (into, c) {
        (Check::Measure(a), Check::Measure(b)) => a.extend(b),
        (Check::Bound(a), Check::Bound(b)) => a.extend(b),
        (Check::Polarity(a), Check::Polarity(b)) => a.extend(b),
        (Check::ClaimKind(a), Check::ClaimKind(b)) => a.extend(b),
        (Check::EntityKind(a), Check::EntityKind(b)) => a.extend(b),
        (Check::EventKind(a), Check::EventKind(b)) => a.extend(b),
        (Check::FindingKind(a), Check::FindingKind(b)) => a.extend(b),
        (Check::NodeKind(a), Check::NodeKind(b)) => a.extend(b),
        (_, c) => return Err(c),
    }
    Ok(())
}

/// The typed key a field names for these rows, or a diagnostic with a
/// suggestion.
pub(super) fn key(field: &Field, rows: Rows) -> Res<Key> {
    let keys = rows.keys();
    if let Some(k) = keys.iter().find(|k| k.as_str() == field.name) {
        return Ok(*k);
    }
    let names: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
    let known = FIELD_NAMES.contains(&field.name.as_str());
    let message = if known {
        format!("{} have no field `{}`", rows.as_str(), field.name)
    } else {
        match crate::query::suggest(&field.name, names.iter().copied()) {
            Some(s) => format!("unknown field `{}` — did you mean `{s}`?", field.name),
            None => format!("unknown field `{}`", field.name),
        }
    };
    let help = if names.is_empty() {
        format!("{} cannot be filtered, sorted or shown", rows.as_str())
    } else {
        format!("fields of {}: {}", rows.as_str(), names.join(", "))
    };
    Err(Diagnostic::new(Code::UnknownField, message, field.span)
        .with_label("not a field of these rows")
        .with_help(help))
}

/// The type of a field of these rows (from the row schema).
pub(super) fn type_of(k: Key, rows: Rows) -> Type {
    rows.fields()
        .iter()
        .find(|f| f.key == k)
        .map_or(Type::Text, |f| f.ty)
}

fn compare(k: Key, field: &Field, op: CmpOp, value: &Value, rows: Rows) -> Res<Filter> {
    let check = match type_of(k, rows) {
        Type::Word(Words::Measure) => enum_set(op, value, "a measure", Check::Measure)?,
        Type::Word(Words::Bound) => enum_set(op, value, "a bound", Check::Bound)?,
        Type::Word(Words::Polarity) => enum_set(op, value, "a polarity", Check::Polarity)?,
        Type::Word(Words::FindingKind) => {
            enum_set(op, value, "a finding kind", Check::FindingKind)?
        }
        Type::Word(Words::ClaimKind) => enum_set(op, value, "a claim kind", Check::ClaimKind)?,
        Type::Word(Words::EntityKind) => enum_set(op, value, "an entity kind", Check::EntityKind)?,
        Type::Word(Words::EventKind) => enum_set(op, value, "an event kind", Check::EventKind)?,
        Type::Word(Words::NodeKind) => {
            let word = word_of(value);
            let kind = NodeKind::ALL.iter().find(|k| Some(k.as_str()) == word);
            match kind {
                Some(kind) => set_op(op, value, Check::NodeKind(vec![*kind]))?,
                None => {
                    let names: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
                    return Err(bad_word(value, "a node type", &names));
                }
            }
        }
        Type::Date => Filter::Check(Check::Date {
            key: k,
            op,
            range: date_range(value)?,
        }),
        Type::Flag => {
            let flag = match word_of(value) {
                Some("true" | "yes") => true,
                Some("false" | "no") => false,
                _ => return Err(bad_word(value, "true or false", &["true", "false"])),
            };
            set_op(
                op,
                value,
                Check::Flag {
                    key: k,
                    value: flag,
                },
            )?
        }
        Type::Int | Type::Figure => match value.kind {
            ValueKind::Number(n) => Filter::Check(Check::Number {
                key: k,
                op,
                value: n,
            }),
            _ => {
                return Err(Diagnostic::new(
                    Code::BadValue,
                    format!("`{}` is compared with a number, not `{value}`", field.name),
                    value.span,
                )
                .with_label("expected a number"))
            }
        },
        Type::Span => {
            return Err(Diagnostic::new(
                Code::BadValue,
                format!(
                    "`{}` is a byte range; it can be shown, not tested",
                    field.name
                ),
                field.span,
            )
            .with_label("not a field to test"))
        }
        Type::Text | Type::Texts => {
            let text = match &value.kind {
                ValueKind::Text(t) => t.clone(),
                _ => {
                    return Err(Diagnostic::new(
                        Code::BadValue,
                        format!(
                            "`{}` is compared with a quoted text, not `{value}`",
                            field.name
                        ),
                        value.span,
                    )
                    .with_label("expected a quoted text"))
                }
            };
            let check = Check::Text {
                key: k,
                contains: false,
                text,
            };
            set_op(op, value, check)?
        }
    };
    Ok(check)
}

/// Equality tests only: `=` keeps the check, `!=` negates it.
fn set_op(op: CmpOp, value: &Value, check: Check) -> Res<Filter> {
    match op {
        CmpOp::Eq => Ok(Filter::Check(check)),
        CmpOp::Ne => Ok(Filter::Not(Box::new(Filter::Check(check)))),
        _ => Err(Diagnostic::new(
            Code::BadValue,
            format!("`{}` cannot be ordered; use `=`, `!=` or `in (...)`", value),
            value.span,
        )
        .with_label(format!(
            "`{}` only makes sense for numbers and dates",
            op.as_str()
        ))),
    }
}

fn word_of(value: &Value) -> Option<&str> {
    match &value.kind {
        ValueKind::Word(w) | ValueKind::Text(w) => Some(w.as_str()),
        _ => None,
    }
}

/// A value of one of the model's word enums (`killed`, `exact`, `deny`).
fn enum_set<T>(op: CmpOp, value: &Value, what: &str, make: fn(Vec<T>) -> Check) -> Res<Filter>
where
    T: std::str::FromStr + Copy + fmt::Display + EnumWords,
{
    let parsed = word_of(value).and_then(|w| w.to_ascii_lowercase().parse::<T>().ok());
    match parsed {
        Some(v) => set_op(op, value, make(vec![v])),
        None => Err(bad_word(value, what, &T::words())),
    }
}

/// The words of a model enum, for messages and suggestions.
pub trait EnumWords {
    fn words() -> Vec<&'static str>;
}

macro_rules! enum_words {
    ($($t:ty),*) => {$(
        impl EnumWords for $t {
            fn words() -> Vec<&'static str> {
                <$t>::ALL.iter().map(|v| v.as_str()).collect()
            }
        }
    )*};
}
enum_words!(
    Measure,
    Bound,
    Polarity,
    ClaimKind,
    EntityKind,
    EventKind,
    FindingKind
);

fn bad_word(value: &Value, what: &str, words: &[&str]) -> Diagnostic {
    let shown = value.to_string();
    let suggestion = word_of(value).and_then(|w| crate::query::suggest(w, words.iter().copied()));
    let message = match &suggestion {
        Some(s) => format!("`{shown}` is not {what} — did you mean `{s}`?"),
        None => format!("`{shown}` is not {what}"),
    };
    let listed: Vec<&str> = words.iter().take(6).copied().collect();
    let more = if words.len() > listed.len() {
        ", ..."
    } else {
        ""
    };
    Diagnostic::new(Code::BadValue, message, value.span)
        .with_label(format!("expected {what} ({}{more})", listed.join(", ")))
        .with_help(format!("{what}: {}", words.join(", ")))
}

/// The days a date value covers: `2022-03` is all of March 2022; a bare
/// number is a year.
fn date_range(value: &Value) -> Res<DateRange> {
    let lit = match value.kind {
        ValueKind::Date(d) => Some(d),
        ValueKind::Number(n) if n.fract() == 0.0 && (1.0..=9999.0).contains(&n) => Some(DateLit {
            year: n as i32,
            month: None,
            day: None,
        }),
        _ => None,
    };
    lit.and_then(range_of).ok_or_else(|| {
        Diagnostic::new(
            Code::BadValue,
            format!("`{value}` is not a date"),
            value.span,
        )
        .with_label("expected a date such as 2022-03-26, 2022-03 or 2022")
    })
}

fn range_of(d: DateLit) -> Option<DateRange> {
    use chrono::NaiveDate;
    let (start, end, precision) = match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let day = NaiveDate::from_ymd_opt(d.year, m, day)?;
            (day, day, Precision::Day)
        }
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(d.year, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(d.year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(d.year, m + 1, 1)?
            };
            (first, next.pred_opt()?, Precision::Month)
        }
        _ => (
            NaiveDate::from_ymd_opt(d.year, 1, 1)?,
            NaiveDate::from_ymd_opt(d.year, 12, 31)?,
            Precision::Year,
        ),
    };
    Some(DateRange {
        start,
        end,
        precision,
    })
}
