//! How fast query text becomes statements: a long statement (linear in its
//! size, never quadratic), a file of many short statements, the refusal of a
//! 10 MB statement, and the tour file.

use claimgraph::query;
use divan::counter::BytesCount;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// `claims where value = 1 or value = 12345 or ...`, about `bytes` long.
fn wide_statement(bytes: usize) -> String {
    let clause = " or value = 12345";
    format!(
        "claims where value = 1{}",
        clause.repeat(bytes / clause.len())
    )
}

#[divan::bench(args = [10_000, 100_000, 1_000_000])]
fn wide_statement_parse(bencher: Bencher, bytes: usize) {
    let src = wide_statement(bytes);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| query::parse(black_box(&src)).map(|s| s.len()));
}

#[divan::bench(args = [1_000, 100_000])]
fn many_statements_compile(bencher: Bencher, statements: usize) {
    let one = "contradictions where measure = killed and involving \"Haut-Karabakh\" order by date limit 10\n";
    let src = one.repeat(statements);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| query::compile(black_box(&src)).map(|p| p.len()));
}

#[divan::bench]
fn ten_megabyte_statement_refused(bencher: Bencher) {
    let src = wide_statement(10_000_000);
    bencher
        .counter(BytesCount::of_str(&src))
        .bench(|| query::parse(black_box(&src)).is_err());
}

#[divan::bench]
fn tour_compile(bencher: Bencher) {
    let src = include_str!("../data/queries/tour.cq");
    bencher.bench(|| query::compile(black_box(src)).map(|p| p.len()));
}
