//! `explain`: the plan in words, one numbered operation a line.

use super::{Check, ExportFormat, Filter, Op, Plan};
use crate::query::ast::write_quoted;
use std::fmt;

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "plan ({}):", self.rows.as_str())?;
        for (i, op) in self.ops.iter().enumerate() {
            writeln!(f, "  {}. {op}", i + 1)?;
        }
        Ok(())
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::ScanFindings(None) => f.write_str("scan findings (all kinds)"),
            Op::ScanFindings(Some(kind)) => write!(f, "scan findings ({kind})"),
            Op::ScanClaims => f.write_str("scan claims"),
            Op::ScanEntities => f.write_str("scan entities"),
            Op::ScanEvents => f.write_str("scan events"),
            Op::ScanDocuments => f.write_str("scan documents"),
            Op::Entity(node) => write!(f, "look up entity {node}"),
            Op::Provenance(node) => write!(f, "trace {node} to its document"),
            Op::Compare { left, right } => {
                write!(f, "pair events reported by {left} and by {right}")
            }
            Op::Traverse { from, depth } => write!(f, "traverse from {from} up to depth {depth}"),
            Op::ShortestPath { from, to } => write!(f, "shortest path from {from} to {to}"),
            Op::Stats => f.write_str("count nodes and edges"),
            Op::Filter(filter) => write!(f, "filter {filter}"),
            Op::Order(keys) => {
                f.write_str("order by ")?;
                for (i, k) in keys.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(
                        f,
                        "{} {}",
                        k.key.as_str(),
                        if k.descending { "desc" } else { "asc" }
                    )?;
                }
                Ok(())
            }
            Op::Limit(n) => write!(f, "limit {n}"),
            Op::Count => f.write_str("count"),
            Op::Show(keys) => {
                let names: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
                write!(f, "show {}", names.join(", "))
            }
            Op::Export { path, format, .. } => match format {
                ExportFormat::Dot => write!(f, "export DOT to {}", Quoted(path)),
                ExportFormat::Json => write!(f, "export JSON to {}", Quoted(path)),
                ExportFormat::Svg => write!(f, "export an SVG picture to {}", Quoted(path)),
                ExportFormat::Png => write!(f, "export a PNG picture to {}", Quoted(path)),
            },
        }
    }
}

struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0)
    }
}

impl Filter {
    fn strength(&self) -> u8 {
        match self {
            Filter::Any(_) => 0,
            Filter::All(_) => 1,
            _ => 2,
        }
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (items, sep, min) = match self {
            Filter::Check(c) => return c.fmt(f),
            Filter::Not(inner) if inner.strength() < 2 => return write!(f, "not ({inner})"),
            Filter::Not(inner) => return write!(f, "not {inner}"),
            Filter::All(items) if items.is_empty() => return f.write_str("true"),
            Filter::All(items) => (items, " and ", 2),
            Filter::Any(items) => (items, " or ", 1),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(sep)?;
            }
            if item.strength() < min {
                write!(f, "({item})")?;
            } else {
                item.fmt(f)?;
            }
        }
        Ok(())
    }
}

fn write_set<T: fmt::Display>(f: &mut fmt::Formatter<'_>, name: &str, items: &[T]) -> fmt::Result {
    match items {
        [one] => write!(f, "{name} = {one}"),
        _ => {
            write!(f, "{name} in (")?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                item.fmt(f)?;
            }
            f.write_str(")")
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::Related { relation, node } => write!(f, "{} {node}", relation.as_str()),
            Check::Measure(v) => write_set(f, "measure", v),
            Check::Bound(v) => write_set(f, "bound", v),
            Check::Polarity(v) => write_set(f, "polarity", v),
            Check::ClaimKind(v) => write_set(f, "claim kind", v),
            Check::EntityKind(v) => write_set(f, "entity kind", v),
            Check::EventKind(v) => write_set(f, "event kind", v),
            Check::FindingKind(v) => write_set(f, "finding kind", v),
            Check::NodeKind(v) => write_set(f, "node", v),
            Check::Number { key, op, value } => {
                write!(f, "{} {} {value}", key.as_str(), op.as_str())
            }
            Check::Date { key, op, range } => {
                let key = key.as_str();
                if range.start == range.end {
                    write!(f, "{key} {} {}", op.as_str(), range.start)
                } else {
                    write!(
                        f,
                        "{key} {} [{} .. {}]",
                        op.as_str(),
                        range.start,
                        range.end
                    )
                }
            }
            Check::Text {
                key,
                contains,
                text,
            } => {
                write!(
                    f,
                    "{} {} ",
                    key.as_str(),
                    if *contains { "contains" } else { "=" }
                )?;
                write_quoted(f, text)
            }
            Check::Flag { key, value } => write!(f, "{} = {value}", key.as_str()),
        }
    }
}
