//! The syntax tree of a query: plain enums, each with the byte span of the
//! text it came from, and a canonical `Display` that prints it back.
//!
//! Spans use [`SrcSpan`], which compares equal to every other span, so a test
//! can compare a parsed statement with one written by hand. The canonical
//! form (lower-case keywords, double-quoted names, one space between words)
//! parses back to the same tree: `parse(q).to_string() == q`.

use std::fmt;

/// A byte range `[start, end)` in the query text (the whole file, not the
/// statement). Left out of equality and hashing on purpose.
#[derive(Debug, Clone, Copy, Default)]
pub struct SrcSpan {
    pub start: usize,
    pub end: usize,
}

impl SrcSpan {
    pub fn new(start: usize, end: usize) -> Self {
        SrcSpan { start, end }
    }
    /// The smallest span covering both.
    pub fn to(self, other: SrcSpan) -> SrcSpan {
        SrcSpan::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl PartialEq for SrcSpan {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl Eq for SrcSpan {}

/// One statement of a query file or of the REPL.
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    /// `contradictions where measure = killed limit 5`
    Query(Query),
    /// `explain contradictions where measure = killed`: print the plan only.
    Explain(Query),
}

impl Statement {
    pub fn query(&self) -> &Query {
        match self {
            Statement::Query(q) | Statement::Explain(q) => q,
        }
    }
}

/// A question and the clauses that narrow, sort, cut and export its answer.
///
/// `count claims by "AFP" where value >= 3 order by date desc limit 5`
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// `count ...`: answer with the number of rows.
    pub count: bool,
    pub source: Source,
    /// `by "X"`, `about "X"`, `in "X"` ... written right after the source.
    pub relations: Vec<Relation>,
    /// `where ...`
    pub filter: Option<Condition>,
    /// `order by date desc, value`
    pub order: Vec<OrderKey>,
    /// `limit 10`
    pub limit: Option<Limit>,
    /// `show id, value, claimant`: the columns to print (empty: the
    /// default columns).
    pub show: Vec<Field>,
    /// `export to "file.dot"` (or the prefix form `export ... to "file.dot"`).
    pub export: Option<Export>,
    pub span: SrcSpan,
}

impl Query {
    /// A query with only a source; the clauses are empty.
    pub fn new(source: Source) -> Self {
        Query {
            count: false,
            source,
            relations: Vec::new(),
            filter: None,
            order: Vec::new(),
            limit: None,
            show: Vec::new(),
            export: None,
            span: SrcSpan::default(),
        }
    }
}

/// Which findings a findings query reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingSet {
    /// `contradictions`
    Contradictions,
    /// `agreements`
    Agreements,
    /// `updates`
    Updates,
    /// `findings`: all three kinds.
    All,
}

/// Where the rows of a query come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// `contradictions`, `agreements`, `updates`, `findings`
    Findings(FindingSet),
    /// `claims`
    Claims,
    /// `entities`
    Entities,
    /// `events`
    Events,
    /// `documents`
    Documents,
    /// `entity "Artsakh"` or `entity 4`: one entity with its aliases, merge
    /// reasons, mentions and claims.
    Entity(Node),
    /// `provenance claim 12` or `provenance finding 3`
    Provenance(Node),
    /// `compare "RT en français" with "Armenpress"`
    Compare { left: Name, right: Name },
    /// `neighbours "Kharkiv" depth 2`
    Neighbours { node: Node, depth: Option<Limit> },
    /// `path "Poutine" to "Aliev"`
    Path { from: Name, to: Name },
    /// `timeline "Haut-Karabakh"`
    Timeline(Name),
    /// `stats`
    Stats,
}

/// A quoted name as the user wrote it (unescaped): `"Haut-Karabakh"`.
/// Names are resolved (by any alias) at evaluation time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: SrcSpan,
}

impl Name {
    pub fn new(text: impl Into<String>) -> Self {
        Name {
            text: text.into(),
            span: SrcSpan::default(),
        }
    }
}

/// The kinds of node that can be named by id: `claim 12`, `event 3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Entity,
    Claim,
    Event,
    Document,
    Finding,
}

impl NodeKind {
    pub const ALL: &'static [NodeKind] = &[
        NodeKind::Entity,
        NodeKind::Claim,
        NodeKind::Event,
        NodeKind::Document,
        NodeKind::Finding,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Entity => "entity",
            NodeKind::Claim => "claim",
            NodeKind::Event => "event",
            NodeKind::Document => "document",
            NodeKind::Finding => "finding",
        }
    }
}

/// A node of the graph: an entity by quoted name, or a kind and an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// `"Kharkiv"`: an entity, found by any of its aliases.
    Named(Name),
    /// `claim 12`, `event 3`, `document 1`, `entity 4`, `finding 2`
    Id {
        kind: NodeKind,
        id: u64,
        span: SrcSpan,
    },
}

impl Node {
    pub fn named(text: impl Into<String>) -> Self {
        Node::Named(Name::new(text))
    }
    pub fn id(kind: NodeKind, id: u64) -> Self {
        Node::Id {
            kind,
            id,
            span: SrcSpan::default(),
        }
    }
    pub fn span(&self) -> SrcSpan {
        match self {
            Node::Named(n) => n.span,
            Node::Id { span, .. } => *span,
        }
    }
}

/// How a row relates to a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelationKind {
    /// `by "X"`: stated by X (the speaker).
    By,
    /// `about "X"`: about X (the subject, the event or its participants).
    About,
    /// `in "X"`: reported in outlet X.
    In,
    /// `via "X"`: relayed through agency X ("selon l'AFP").
    Via,
    /// `involving "X"`: X takes any part (speaker, subject, place, outlet...).
    Involving,
    /// `at "X"`: happening at place X.
    At,
}

impl RelationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::By => "by",
            RelationKind::About => "about",
            RelationKind::In => "in",
            RelationKind::Via => "via",
            RelationKind::Involving => "involving",
            RelationKind::At => "at",
        }
    }
}

/// `by "ministère russe de la Défense"`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub kind: RelationKind,
    pub node: Node,
    pub span: SrcSpan,
}

impl Relation {
    pub fn new(kind: RelationKind, node: Node) -> Self {
        Relation {
            kind,
            node,
            span: SrcSpan::default(),
        }
    }
}

/// A `where` condition. `and` and `or` hold all their operands in one list
/// (`a and b and c` is one `And` of three), so a long condition is wide, not
/// deep.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// `a and b`
    And(Vec<Condition>),
    /// `a or b`
    Or(Vec<Condition>),
    /// `not a`, `not (a or b)`
    Not(Box<Condition>),
    /// One test: `measure = killed`, `involving "Artsakh"`.
    Test(Test),
}

/// One test on a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `by "X"`, `involving "X"` ... inside a condition.
    Relation(Relation),
    /// `value >= 3`, `measure = killed`, `date < 2022-03-01`
    Compare {
        field: Field,
        op: CmpOp,
        value: Value,
    },
    /// `value between 2 and 5`, `date between 2022-03-01 and 2022-03-31`
    Between {
        field: Field,
        low: Value,
        high: Value,
    },
    /// `measure in (killed, wounded)`
    OneOf { field: Field, values: Vec<Value> },
    /// `quote contains "drone"`
    Contains { field: Field, text: Name },
}

/// A field name as written (lower-cased): `measure`, `value`, `date` ...
/// Which fields exist depends on the rows; the plan checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub span: SrcSpan,
}

impl Field {
    pub fn new(name: impl Into<String>) -> Self {
        Field {
            name: name.into(),
            span: SrcSpan::default(),
        }
    }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A calendar date as precise as it was written: `2022`, `2022-03`,
/// `2022-03-26`. Always a real date (checked by the parser).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateLit {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// A literal on the right of a test.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: SrcSpan,
}

impl Value {
    pub fn new(kind: ValueKind) -> Self {
        Value {
            kind,
            span: SrcSpan::default(),
        }
    }
}

/// What a literal is.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// `3`, `6500`, `2.5`, `-1`
    Number(f64),
    /// `2022-03-26`, `2022-03`
    Date(DateLit),
    /// `"RT en français"`
    Text(String),
    /// A bare word: `killed`, `exact`, `deny`, `true`.
    Word(String),
}

/// `date desc`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderKey {
    pub field: Field,
    /// `desc`; `asc` is the default and is not printed.
    pub descending: bool,
}

/// A non-negative count written in the query: `limit 10`, `depth 2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub n: u64,
    pub span: SrcSpan,
}

impl Limit {
    pub fn new(n: u64) -> Self {
        Limit {
            n,
            span: SrcSpan::default(),
        }
    }
}

/// `export to "contradictions.dot"`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub path: Name,
}

// ---------------------------------------------------------------------------
// Canonical text
// ---------------------------------------------------------------------------

/// Writes `s` as a double-quoted name, escaping `"` and `\`.
pub fn write_quoted(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Statement::Query(q) => q.fmt(f),
            Statement::Explain(q) => write!(f, "explain {q}"),
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.count {
            f.write_str("count ")?;
        }
        self.source.fmt(f)?;
        for r in &self.relations {
            write!(f, " {r}")?;
        }
        if let Some(c) = &self.filter {
            write!(f, " where {c}")?;
        }
        for (i, key) in self.order.iter().enumerate() {
            f.write_str(if i == 0 { " order by " } else { ", " })?;
            key.fmt(f)?;
        }
        if let Some(l) = &self.limit {
            write!(f, " limit {}", l.n)?;
        }
        for (i, field) in self.show.iter().enumerate() {
            f.write_str(if i == 0 { " show " } else { ", " })?;
            f.write_str(&field.name)?;
        }
        if let Some(e) = &self.export {
            f.write_str(" export to ")?;
            write_quoted(f, &e.path.text)?;
        }
        Ok(())
    }
}

impl fmt::Display for FindingSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FindingSet::Contradictions => "contradictions",
            FindingSet::Agreements => "agreements",
            FindingSet::Updates => "updates",
            FindingSet::All => "findings",
        })
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Findings(set) => set.fmt(f),
            Source::Claims => f.write_str("claims"),
            Source::Entities => f.write_str("entities"),
            Source::Events => f.write_str("events"),
            Source::Documents => f.write_str("documents"),
            Source::Entity(Node::Id { id, .. }) => write!(f, "entity {id}"),
            Source::Entity(node) => write!(f, "entity {node}"),
            Source::Provenance(node) => write!(f, "provenance {node}"),
            Source::Compare { left, right } => write!(f, "compare {left} with {right}"),
            Source::Neighbours { node, depth } => {
                write!(f, "neighbours {node}")?;
                if let Some(d) = depth {
                    write!(f, " depth {}", d.n)?;
                }
                Ok(())
            }
            Source::Path { from, to } => write!(f, "path {from} to {to}"),
            Source::Timeline(name) => write!(f, "timeline {name}"),
            Source::Stats => f.write_str("stats"),
        }
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, &self.text)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Named(name) => name.fmt(f),
            Node::Id { kind, id, .. } => write!(f, "{kind} {id}"),
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.as_str(), self.node)
    }
}

impl Condition {
    /// How tightly this condition binds when printed: `or` < `and` < the rest.
    fn strength(&self) -> u8 {
        match self {
            Condition::Or(_) => 0,
            Condition::And(_) => 1,
            Condition::Not(_) | Condition::Test(_) => 2,
        }
    }

    fn fmt_operand(&self, f: &mut fmt::Formatter<'_>, min: u8) -> fmt::Result {
        if self.strength() < min {
            write!(f, "({self})")
        } else {
            fmt::Display::fmt(self, f)
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (items, sep, min) = match self {
            Condition::Test(t) => return t.fmt(f),
            Condition::Not(inner) => {
                f.write_str("not ")?;
                return inner.fmt_operand(f, 2);
            }
            Condition::And(items) => (items, " and ", 2),
            Condition::Or(items) => (items, " or ", 1),
        };
        for (i, c) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(sep)?;
            }
            c.fmt_operand(f, min)?;
        }
        Ok(())
    }
}

impl fmt::Display for Test {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Test::Relation(r) => r.fmt(f),
            Test::Compare { field, op, value } => {
                write!(f, "{} {} {value}", field.name, op.as_str())
            }
            Test::Between { field, low, high } => {
                write!(f, "{} between {low} and {high}", field.name)
            }
            Test::OneOf { field, values } => {
                write!(f, "{} in (", field.name)?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    v.fmt(f)?;
                }
                f.write_str(")")
            }
            Test::Contains { field, text } => write!(f, "{} contains {text}", field.name),
        }
    }
}

impl fmt::Display for DateLit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ValueKind::Number(n) => write!(f, "{n}"),
            ValueKind::Date(d) => d.fmt(f),
            ValueKind::Text(s) => write_quoted(f, s),
            ValueKind::Word(w) => f.write_str(w),
        }
    }
}

impl fmt::Display for OrderKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.field.name)?;
        if self.descending {
            f.write_str(" desc")?;
        }
        Ok(())
    }
}
