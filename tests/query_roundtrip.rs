//! The canonical text is a faithful serialisation: for any statement the
//! parser can produce, printing it and parsing the text gives the same
//! statement back (spans aside). Statements are generated at random.

use claimgraph::query::{self, ast::*};
use proptest::prelude::*;

/// Words of the language, kept out of generated field names and values.
const RESERVED: &[&str] = &[
    "contradictions",
    "agreements",
    "updates",
    "findings",
    "claims",
    "entities",
    "events",
    "documents",
    "entity",
    "provenance",
    "compare",
    "neighbours",
    "neighbors",
    "path",
    "timeline",
    "stats",
    "count",
    "explain",
    "export",
    "where",
    "and",
    "or",
    "not",
    "order",
    "by",
    "asc",
    "desc",
    "limit",
    "about",
    "in",
    "via",
    "involving",
    "at",
    "between",
    "contains",
    "with",
    "depth",
    "to",
    "claim",
    "event",
    "document",
    "finding",
];

fn ident() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,8}".prop_filter("not a keyword", |s| !RESERVED.contains(&s.as_str()))
}

fn name() -> impl Strategy<Value = Name> {
    prop_oneof![
        prop::sample::select(vec![
            "Haut-Karabakh",
            "ministère russe de la Défense",
            "RT en français",
            "l'AFP"
        ])
        .prop_map(Name::new),
        "[^\n]{0,12}".prop_map(Name::new),
        "[\"\\\\a-z;#« »-]{0,8}".prop_map(Name::new),
    ]
}

fn node_kind() -> impl Strategy<Value = NodeKind> {
    prop::sample::select(NodeKind::ALL.to_vec())
}

fn node() -> impl Strategy<Value = Node> {
    prop_oneof![
        name().prop_map(Node::Named),
        (node_kind(), any::<u64>()).prop_map(|(k, id)| Node::id(k, id)),
    ]
}

fn relation() -> impl Strategy<Value = Relation> {
    let kinds = vec![
        RelationKind::By,
        RelationKind::About,
        RelationKind::In,
        RelationKind::Via,
        RelationKind::Involving,
        RelationKind::At,
    ];
    (prop::sample::select(kinds), node()).prop_map(|(k, n)| Relation::new(k, n))
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-1.0e6f64..1.0e6).prop_map(ValueKind::Number),
        any::<u32>().prop_map(|n| ValueKind::Number(f64::from(n))),
        (1000i32..9999, 1u32..=12, prop::option::of(1u32..=28)).prop_map(|(y, m, d)| {
            ValueKind::Date(DateLit {
                year: y,
                month: Some(m),
                day: d,
            })
        }),
        name().prop_map(|n| ValueKind::Text(n.text)),
        ident().prop_map(ValueKind::Word),
    ]
    .prop_map(Value::new)
}

fn test() -> impl Strategy<Value = Test> {
    let ops = vec![
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    prop_oneof![
        relation().prop_map(Test::Relation),
        (ident(), prop::sample::select(ops), value()).prop_map(|(f, op, value)| Test::Compare {
            field: Field::new(f),
            op,
            value
        }),
        (ident(), value(), value()).prop_map(|(f, low, high)| Test::Between {
            field: Field::new(f),
            low,
            high
        }),
        (ident(), prop::collection::vec(value(), 1..4)).prop_map(|(f, values)| Test::OneOf {
            field: Field::new(f),
            values
        }),
        (ident(), name()).prop_map(|(f, text)| Test::Contains {
            field: Field::new(f),
            text
        }),
    ]
}

/// Conditions in the shape the parser builds: `and`/`or` lists of two or
/// more that do not directly hold a list of their own kind, and `not` never
/// directly on `not`.
fn condition() -> impl Strategy<Value = Condition> {
    let leaf = test().prop_map(Condition::Test);
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(|items| {
                Condition::And(
                    items
                        .into_iter()
                        .flat_map(|c| match c {
                            Condition::And(v) => v,
                            other => vec![other],
                        })
                        .collect(),
                )
            }),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|items| {
                Condition::Or(
                    items
                        .into_iter()
                        .flat_map(|c| match c {
                            Condition::Or(v) => v,
                            other => vec![other],
                        })
                        .collect(),
                )
            }),
            inner.prop_map(|c| match c {
                Condition::Not(x) => *x,
                other => Condition::Not(Box::new(other)),
            }),
        ]
    })
}

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        prop::sample::select(vec![
            Source::Findings(FindingSet::Contradictions),
            Source::Findings(FindingSet::Agreements),
            Source::Findings(FindingSet::Updates),
            Source::Findings(FindingSet::All),
            Source::Claims,
            Source::Entities,
            Source::Events,
            Source::Documents,
            Source::Stats,
        ]),
        name().prop_map(|n| Source::Entity(Node::Named(n))),
        any::<u64>().prop_map(|id| Source::Entity(Node::id(NodeKind::Entity, id))),
        (prop::bool::ANY, any::<u64>()).prop_map(|(claim, id)| {
            let kind = if claim {
                NodeKind::Claim
            } else {
                NodeKind::Finding
            };
            Source::Provenance(Node::id(kind, id))
        }),
        (name(), name()).prop_map(|(left, right)| Source::Compare { left, right }),
        (node(), prop::option::of(any::<u64>())).prop_map(|(node, d)| Source::Neighbours {
            node,
            depth: d.map(Limit::new)
        }),
        (name(), name()).prop_map(|(from, to)| Source::Path { from, to }),
        name().prop_map(Source::Timeline),
    ]
}

prop_compose! {
    fn statement()(
        explain in prop::bool::ANY,
        count in prop::bool::ANY,
        source in source(),
        relations in prop::collection::vec(relation(), 0..3),
        filter in prop::option::of(condition()),
        order in prop::collection::vec((ident(), prop::bool::ANY), 0..3),
        limit in prop::option::of(any::<u64>()),
        export in prop::option::of(name()),
    ) -> Statement {
        let mut q = Query::new(source);
        q.count = count;
        q.relations = relations;
        q.filter = filter;
        q.order = order
            .into_iter()
            .map(|(f, descending)| OrderKey { field: Field::new(f), descending })
            .collect();
        q.limit = limit.map(Limit::new);
        q.export = export.map(|path| Export { path });
        if explain { Statement::Explain(q) } else { Statement::Query(q) }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn printed_statements_parse_back(s in statement()) {
        let text = s.to_string();
        let parsed = query::parse(&text);
        prop_assert!(parsed.is_ok(), "{text}\n{:?}", parsed.err());
        prop_assert_eq!(parsed.unwrap(), vec![s], "{}", text);
    }
}
