//! A user's lexicon file extends the built-in one; its errors name file:line.

use claimgraph::extract::Extractor;
use claimgraph::model::{DocMeta, EntityKind};

#[test]
fn user_lexicon_extends_builtin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.lex");
    std::fs::write(&path, "# my additions\n[outlets]\nLa Gazette du Caucase | Gazette du Caucase\n[places]\nTavush | Tavouch\n").unwrap();
    let x = Extractor::with_lexicon_file(&path).unwrap();
    let text = "Selon la Gazette du Caucase, 3 soldats ont été tués à Tavouch.";
    let got = x.extract(text, &DocMeta::default(), &[]);
    let has = |kind, name: &str| {
        got.entities
            .iter()
            .any(|e| e.kind == kind && e.name == name)
    };
    assert!(has(EntityKind::Outlet, "La Gazette du Caucase"), "{got:?}");
    assert!(has(EntityKind::Place, "Tavush"), "{got:?}");
    let claim = got.claims.iter().find(|c| c.quantity.is_some()).unwrap();
    assert_eq!(
        got.entities[claim.claimant.unwrap()].name,
        "La Gazette du Caucase"
    );
    // the built-in lexicon is still there
    assert!(!Extractor::builtin()
        .extract(text, &DocMeta::default(), &[])
        .entities
        .iter()
        .any(|e| e.name == "Tavush"));
}

#[test]
fn errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.lex");
    std::fs::write(
        &path,
        "[bounds]\nau moins ; at_least\nà peu près ; vaguely\n",
    )
    .unwrap();
    let err = Extractor::with_lexicon_file(&path).unwrap_err().to_string();
    let shown = err.replace(&dir.path().display().to_string(), "DIR");
    insta::assert_snapshot!(shown, @r#"DIR/bad.lex:3: unknown bound "vaguely" (expected one of: exact, at_least, at_most, approx)"#);
    let missing = Extractor::with_lexicon_file(&dir.path().join("nope.lex")).unwrap_err();
    assert_eq!(missing.exit_code(), 3);
}
