//! The parser's contract, beyond the case files: hand-written trees equal
//! parsed ones (spans do not count), canonical text prints back unchanged,
//! the REPL's incompleteness test, suggestions, file errors and exit codes,
//! huge inputs, and random input never panicking.

use claimgraph::query::ast::*;
use claimgraph::query::{self, is_incomplete, plan, suggest, ErrorClass, QueryError, QueryFile};
use proptest::prelude::*;
use std::path::Path;

fn one(src: &str) -> Statement {
    let mut statements = query::parse(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    assert_eq!(statements.len(), 1, "{src}");
    statements.remove(0)
}

#[test]
fn parsed_tree_equals_hand_written_tree() {
    let parsed = one(
        "claims by \"ministère russe de la Défense\" where value >= 3 and (bound = exact or not polarity = deny) order by date desc limit 5",
    );
    let mut expected = Query::new(Source::Claims);
    expected.relations.push(Relation::new(
        RelationKind::By,
        Node::named("ministère russe de la Défense"),
    ));
    let test = |field: &str, op, value| {
        Condition::Test(Test::Compare {
            field: Field::new(field),
            op,
            value: Value::new(value),
        })
    };
    expected.filter = Some(Condition::And(vec![
        test("value", CmpOp::Ge, ValueKind::Number(3.0)),
        Condition::Or(vec![
            test("bound", CmpOp::Eq, ValueKind::Word("exact".into())),
            Condition::Not(Box::new(test(
                "polarity",
                CmpOp::Eq,
                ValueKind::Word("deny".into()),
            ))),
        ]),
    ]));
    expected.order.push(OrderKey {
        field: Field::new("date"),
        descending: true,
    });
    expected.limit = Some(Limit::new(5));
    assert_eq!(parsed, Statement::Query(expected));
}

#[test]
fn spans_are_byte_offsets_in_the_file() {
    let src = "stats\n-- é\nentity \"Ünïcode\"";
    let statements = query::parse(src).unwrap();
    let Source::Entity(Node::Named(name)) = &statements[1].query().source else {
        panic!("not an entity lookup: {:?}", statements[1]);
    };
    assert_eq!(&src[name.span.start..name.span.end], "\"Ünïcode\"");
    assert_eq!(name.text, "Ünïcode");
}

#[test]
fn canonical_text_prints_back_unchanged() {
    let canonical = [
        "contradictions where measure = killed and involving \"Haut-Karabakh\" order by date limit 10",
        "count claims where polarity = deny",
        "claims where measure in (killed, wounded) or not (value between 2 and 5 and date >= 2022-03)",
        "claims where kind = accusation and (polarity = deny or bound != exact)",
        "explain timeline \"Haut-Karabakh\" where measure = killed export to \"t.dot\"",
        "neighbours claim 3 depth 2",
        "provenance finding 2",
        "compare \"RT en français\" with \"Armenpress\" where kind = strike",
        "path \"Poutine\" to \"Aliev\"",
        "entity \"say \\\"hi\\\" \\\\ bye\"",
        "entity 4",
        "documents where title contains \"Karabakh\" order by date desc, id",
        "claims where value > -1.5",
        "stats",
    ];
    for text in canonical {
        assert_eq!(one(text).to_string(), text);
    }
}

#[test]
fn and_binds_tighter_than_or() {
    let s = one("claims where a = 1 or b = 2 and c = 3");
    assert!(matches!(&s.query().filter, Some(Condition::Or(items)) if items.len() == 2));
    let long = format!("claims where value = 1{}", " and value = 1".repeat(1000));
    let s = one(&long);
    assert!(matches!(&s.query().filter, Some(Condition::And(items)) if items.len() == 1001));
}

#[test]
fn incomplete_only_when_the_error_is_at_the_end() {
    for partial in [
        "claims where",
        "claims where value >=",
        "path \"A\" to",
        "claims where (measure = killed",
        "stats; entity",
        "contradictions order",
        "claims where measure = killed and\n",
        "claims where ((((",
    ] {
        assert!(is_incomplete(partial), "{partial:?} should be incomplete");
    }
    for done_or_wrong in [
        "",
        "stats",
        "claims where measure = killed",
        "claims where measure = killd",
        "contradictons",
        "entity \"open",
        "claims limt 3",
    ] {
        assert!(
            !is_incomplete(done_or_wrong),
            "{done_or_wrong:?} should not be incomplete"
        );
    }
}

#[test]
fn suggest_finds_close_names_only() {
    let names = ["Parukh", "Haut-Karabakh", "Pashinyan", "RT en français"];
    assert_eq!(suggest("Parukhh", names), Some("Parukh".into()));
    assert_eq!(
        suggest("parukh", names),
        None,
        "an exact match needs no suggestion"
    );
    assert_eq!(suggest("Pashinian", names), Some("Pashinyan".into()));
    assert_eq!(suggest("Moscou", names), None);
    assert_eq!(suggest("x", std::iter::empty()), None);
}

#[test]
fn missing_query_file_is_an_input_error() {
    let err = QueryFile::read(Path::new("no/such/file.cq")).unwrap_err();
    assert_eq!(err.class(), ErrorClass::Input);
    assert_eq!(err.exit_code(), 3);
    insta::assert_snapshot!(err.render(false), @"error: no/such/file.cq: no such query file
");
}

#[test]
fn error_classes_map_to_exit_codes() {
    let usage = QueryError::Usage("no query given".into());
    assert_eq!((usage.class(), usage.exit_code()), (ErrorClass::Usage, 2));
    let src = "claims where";
    let diagnostic = query::parse(src).unwrap_err();
    let err = QueryError::query("<query>", src, diagnostic);
    assert_eq!(err.exit_code(), 3);
    assert_eq!(
        err.to_string(),
        "<query>:1:13: unexpected end of statement: expected a condition such as `measure = killed`"
    );
}

#[test]
fn colour_is_only_added_when_asked() {
    let src = "claims limt 3";
    let d = query::parse(src).unwrap_err();
    assert!(!d.render("q", src, false).contains('\x1b'));
    assert!(d.render("q", src, true).contains("\x1b[1;31m"));
}

/// A long statement is wide, not deep: 200 kB of `or` parse into one flat
/// list. A 10 MB statement is refused by the splitter before pest sees it,
/// with a short report. Speed is measured in benches/query_parse.rs.
#[test]
fn huge_queries() {
    let clause = " or value = 12345";
    let wide = format!("claims where value = 1{}", clause.repeat(12_000));
    let statement = one(&wide);
    let Some(Condition::Or(items)) = &statement.query().filter else {
        panic!("not an or");
    };
    assert_eq!(items.len(), 12_001);
    assert_eq!(plan::plan(&statement).unwrap().ops.len(), 2);

    let big = format!(
        "claims where value = 1{}",
        clause.repeat(10_000_000 / clause.len())
    );
    assert!(big.len() >= 10_000_000);
    let d = query::parse(&big).unwrap_err();
    let report = d.render("big.cq", &big, false);
    assert!(report.len() < 2_000, "report of {} bytes", report.len());
    insta::assert_snapshot!(report);
}

#[test]
fn many_statements_split_in_one_pass() {
    let src = "stats\n".repeat(200_000);
    assert_eq!(query::script::split(&src).len(), 200_000);
}

fn token() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "contradictions",
        "claims",
        "entity",
        "entities",
        "timeline",
        "path",
        "to",
        "neighbours",
        "depth",
        "compare",
        "with",
        "provenance",
        "claim",
        "count",
        "explain",
        "export",
        "where",
        "and",
        "or",
        "not",
        "order",
        "by",
        "limit",
        "in",
        "between",
        "contains",
        "measure",
        "value",
        "date",
        "killed",
        "=",
        ">=",
        "(",
        ")",
        ",",
        ";",
        "\n",
        "\"Artsakh\"",
        "\"",
        "«",
        "»",
        "3",
        "2022-03-01",
        "-- c\n",
        "#",
        "é",
        "\u{A0}",
        "\\",
        "stats",
    ]);
    prop_oneof![words.prop_map(str::to_string), "[^\u{0}]{0,3}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(src in "\\PC{0,80}") {
        exercise(&src);
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(token(), 0..40)) {
        exercise(&tokens.join(" "));
    }
}

/// Everything a front end does with text; errors are fine, panics are not.
/// A statement that parses must print back to an equal statement.
fn exercise(src: &str) {
    let _ = is_incomplete(src);
    for (_, result) in query::parse_each(src) {
        match result {
            Ok(statement) => {
                let text = statement.to_string();
                let again = query::parse(&text).expect("canonical text parses");
                assert_eq!(again, vec![statement.clone()], "{text}");
                if let Err(d) = plan::plan(&statement) {
                    let _ = d.render("p.cq", src, false);
                }
            }
            Err(d) => {
                let _ = d.render("p.cq", src, true);
                let _ = d.one_line("p.cq", src);
            }
        }
    }
}

#[test]
fn plan_lists_the_names_to_resolve_and_unknown_ones_are_reported() {
    let src = "claims by \"Parukhh\" where about \"Artsakh\" or not in \"AFP\"";
    let statement = one(src);
    let p = plan::plan(&statement).unwrap();
    let names: Vec<&str> = p.names().iter().map(|n| n.text.as_str()).collect();
    assert_eq!(names, ["Parukhh", "Artsakh", "AFP"]);

    let graph_names = ["Parukh", "Haut-Karabakh", "Artsakh", "AFP"];
    let d = query::diagnostic::unknown_name(p.names()[0], graph_names);
    insta::assert_snapshot!(d.render("q.cq", src, false), @r#"
    error[unknown-name]: no entity named "Parukhh" — did you mean "Parukh"?
     --> q.cq:1:11
      |
    1 | claims by "Parukhh" where about "Artsakh" or not in "AFP"
      |           ^^^^^^^^^ no such name or alias
    "#);
    let d = query::diagnostic::unknown_name(p.names()[0], ["Moscou"]);
    assert_eq!(d.message, "no entity named \"Parukhh\"");
}

#[test]
fn vocabulary_covers_keywords_fields_and_values() {
    let words = query::vocabulary();
    for w in [
        "contradictions",
        "where",
        "order",
        "measure",
        "killed",
        "at_least",
        "person",
    ] {
        assert!(words.contains(&w), "{w} missing");
    }
    assert!(words.windows(2).all(|p| p[0] < p[1]), "sorted, no repeats");
}
