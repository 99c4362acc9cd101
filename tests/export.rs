//! DOT export: every DOT text written here is given to the real GraphViz
//! (`dot -Tsvg`), including a hand-built store whose quotes, names and
//! reasons hold every awkward character; the sample corpus' contradiction
//! subgraph is a golden snapshot; the same query on the same database gives
//! the same bytes; `export to` in a statement writes the file.

use claimgraph::engine::Workspace;
use claimgraph::export::dot::{self, DotOptions};
use claimgraph::extract::{Extraction, Extractor, LocalClaim, LocalEntity, LocalEvent, Mention};
use claimgraph::model::{
    Bound, ClaimKind, DocMeta, EntityKind, EventKind, FindingKind, FindingRecord, Interval,
    Measure, Polarity, Quantity, Role, Span,
};
use claimgraph::query;
use claimgraph::store::{content_hash, PreparedDocument, Store};
use petgraph::graph::NodeIndex;
use std::io::Write;
use std::process::{Command, Stdio};

/// Run GraphViz on `text`; panic with its message when it refuses. Without
/// GraphViz on this machine the check is skipped with a note (`.ci/run`
/// installs it, so CI always checks).
fn graphviz_svg(text: &str) -> Option<String> {
    let mut child = match Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "note: GraphViz `dot` is not installed: DOT not checked (apt install graphviz)"
            );
            return None;
        }
        Err(e) => panic!("cannot run dot: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "dot refused the DOT text: {stderr}\n{text}"
    );
    Some(String::from_utf8(out.stdout).expect("SVG is UTF-8"))
}

fn sample() -> Workspace {
    let store = claimgraph::ingest::sample_store(&Extractor::builtin()).expect("sample corpus");
    Workspace::load(store).expect("workspace")
}

fn answer(ws: &Workspace, text: &str) -> Vec<NodeIndex> {
    let plans = query::compile(text).expect("query compiles");
    ws.evaluate(&plans[0]).expect("query runs").nodes
}

const AWKWARD_QUOTE: &str =
    "« 3 \"soldats\" <b>&</b> tués » C:\\chemin\\ {x}|[y] &amp; \\n fin\nligne deux\r\n\t😀";

fn local_claim(span: Span, claimant: usize, value: f64, event: usize) -> LocalClaim {
    LocalClaim {
        kind: ClaimKind::Numeric,
        polarity: Polarity::Affirm,
        span,
        sentence: span,
        claimant: Some(claimant),
        via: vec![],
        measure: Some(Measure::Killed),
        quantity: Some(Quantity {
            value,
            bound: Bound::Exact,
            interval: Interval::exact(value),
        }),
        subject: Some("soldats".to_string()),
        subject_entity: None,
        counted: Default::default(),
        event: Some(event),
        date: None,
        topic: None,
        denies: None,
        occurrences: Vec::new(),
    }
}

fn awkward_document(n: usize, text: String, value: f64) -> PreparedDocument {
    let quote = Span::new(0, text.len());
    let text = text.clone();
    PreparedDocument {
        source: format!("hand:{n}"),
        hash: content_hash(&text),
        text,
        meta: DocMeta {
            outlet: Some(format!("Média \"<{n}>\" & Cie \\ {{x}}|y")),
            published: chrono::NaiveDate::from_ymd_opt(2022, 3, 20 + n as u32),
            language: Some("fr".to_string()),
            url: None,
            title: Some("titre \"<i>\"".to_string()),
        },
        credits: vec![],
        set_aside: vec![],
        extraction: Extraction {
            entities: vec![
                LocalEntity {
                    name: "Porte-parole \"officiel\" <A&B> \\ {c}|d".to_string(),
                    kind: EntityKind::Person,
                    aliases: vec![],
                },
                LocalEntity {
                    name: "Village <x> & \"y\"".to_string(),
                    kind: EntityKind::Place,
                    aliases: vec![],
                },
            ],
            mentions: vec![Mention {
                entity: 0,
                span: quote,
            }],
            events: vec![LocalEvent {
                kind: EventKind::Strike,
                span: quote,
                time: None,
                place: Some(1),
                participants: vec![(0, Role::Agent)],
            }],
            claims: vec![local_claim(quote, 0, value, 0)],
        },
    }
}

/// Two documents whose texts, outlets, entities and finding reason hold
/// quotes, backslashes, new lines, `<b>&</b>`, `{}|`, an entity and emoji.
fn awkward_store() -> Workspace {
    let mut store = Store::open_in_memory().unwrap();
    let long = format!(
        "{AWKWARD_QUOTE} {}",
        "très longue citation à couper ".repeat(20)
    );
    store
        .ingest(&[
            awkward_document(1, AWKWARD_QUOTE.to_string(), 3.0),
            awkward_document(2, long, 5.0),
        ])
        .unwrap();
    let claims = store.claims().unwrap();
    let finding = |kind, reason: &str| FindingRecord {
        id: 0,
        kind,
        a: claims[0].id,
        b: claims[1].id,
        reason: reason.to_string(),
        independent: None,
    };
    store
        .insert_findings(&[
            finding(
                FindingKind::Contradiction,
                "3 ≠ 5 \"tués\" \\ <b>&</b> {a}|b\nsuite",
            ),
            finding(FindingKind::Agreement, "même <source> & \"voix\""),
            finding(FindingKind::Update, "plus tard: 3 → 5 \\"),
        ])
        .unwrap();
    Workspace::load(store).unwrap()
}

#[test]
fn graphviz_accepts_awkward_labels_and_shows_them_verbatim() {
    let ws = awkward_store();
    let nodes: Vec<NodeIndex> = ws.graph.graph().node_indices().collect();
    for group_by_document in [false, true] {
        let text = dot::render(
            &ws,
            &nodes,
            DotOptions {
                group_by_document,
                mentions: true,
            },
        );
        let Some(svg) = graphviz_svg(&text) else {
            continue;
        };
        // What the reader sees is the quote's own characters, entity-escaped
        // once by the SVG writer: `<b>&</b>` stays literal, `&amp;` in the
        // quote is not decoded into `&`, backslashes and quotes survive.
        for shown in [
            "&lt;b&gt;&amp;&lt;/b&gt;",
            "&amp;amp;",
            "C:\\chemin\\",
            "&quot;soldats&quot;",
            "{x}|[y]",
            "😀",
            "Porte&#45;parole &quot;officiel&quot; &lt;A&amp;B&gt; \\ {c}|d",
        ] {
            assert!(
                svg.contains(shown),
                "{shown:?} missing from the SVG:\n{svg}"
            );
        }
        assert!(
            text.contains("color=red") && text.contains("style=dashed"),
            "{text}"
        );
        if group_by_document {
            assert!(text.contains("subgraph \"cluster_d1\""), "{text}");
        }
    }
}

#[test]
fn long_quotes_are_shortened_and_wrapped() {
    let ws = awkward_store();
    let nodes: Vec<NodeIndex> = ws.graph.graph().node_indices().collect();
    let text = dot::render(&ws, &nodes, DotOptions::default());
    let claim_line = text
        .lines()
        .find(|l| l.contains("claim 2:"))
        .expect("second claim drawn");
    assert!(claim_line.contains('…'), "{claim_line}");
    assert!(claim_line.len() < 400, "{claim_line}");
    graphviz_svg(&text);
}

#[test]
fn sample_contradictions_dot_is_golden_and_valid() {
    let ws = sample();
    let text = dot::render(&ws, &answer(&ws, "contradictions"), DotOptions::default());
    graphviz_svg(&text);
    insta::assert_snapshot!("sample_contradictions_dot", text);
}

#[test]
fn grouped_by_document_is_valid_too() {
    let ws = sample();
    for q in [
        "contradictions",
        "agreements",
        "updates",
        "claims",
        "entity \"Artsakh\"",
    ] {
        let text = dot::render(
            &ws,
            &answer(&ws, q),
            DotOptions {
                group_by_document: true,
                mentions: false,
            },
        );
        graphviz_svg(&text);
    }
}

#[test]
fn same_query_same_database_same_bytes() {
    let (a, b) = (sample(), sample());
    for q in [
        "contradictions",
        "claims where measure = killed",
        "findings",
    ] {
        let one = dot::render(&a, &answer(&a, q), DotOptions::default());
        let two = dot::render(&b, &answer(&b, q), DotOptions::default());
        assert_eq!(one, two, "{q}");
        // Order of the answer's nodes does not matter either.
        let mut reversed = answer(&a, q);
        reversed.reverse();
        assert_eq!(one, dot::render(&a, &reversed, DotOptions::default()));
    }
}

#[test]
fn export_statement_writes_a_valid_dot_file() {
    let ws = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contradictions.dot");
    let src = format!("export contradictions to \"{}\"", path.display());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let outcome = claimgraph::session::run(
        &ws,
        "<test>",
        &src,
        &claimgraph::session::Settings::default(),
        &mut out,
        &mut err,
    )
    .unwrap_or_else(|e| panic!("{}", e.render(false)));
    assert_eq!(outcome.statements, 1);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("digraph claimgraph {"), "{text}");
    assert!(text.contains("color=red"), "{text}");
    graphviz_svg(&text);
}
