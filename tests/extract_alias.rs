//! Corpus-wide entity resolution: each merge with its reason, and the merges
//! that must never happen (Arménie/Azerbaïdjan, Goris/Gori).

use claimgraph::extract::alias::EntityIndex;
use claimgraph::extract::lexicon::Lexicon;
use claimgraph::model::EntityKind;

fn index() -> EntityIndex {
    EntityIndex::with_lexicon(&Lexicon::builtin())
}

fn ctx(s: &str) -> Vec<String> {
    vec![s.to_string()]
}

#[test]
fn transliterations_merge_with_reason() {
    let mut ix = index();
    ix.add(1, "Nikol Pachinian", EntityKind::Person);
    ix.add(2, "Ilham Aliev", EntityKind::Person);
    let (id, why) = ix.resolve("Nikol Pashinyan", EntityKind::Person).unwrap();
    assert_eq!(id, 1);
    assert!(why.starts_with("transliteration sh/ch, yan/ian"), "{why}");
    let (id, why) = ix.resolve("Ilham Aliyev", EntityKind::Person).unwrap();
    assert_eq!(id, 2);
    assert!(why.starts_with("transliteration iyev/iev"), "{why}");
    assert_eq!(
        ix.resolve("Pashinyan", EntityKind::Person).unwrap(),
        (1, "family name".to_string())
    );
    assert_eq!(
        ix.resolve("ILHAM ALIEV", EntityKind::Person).unwrap(),
        (2, "case/accent folding".to_string())
    );
}

#[test]
fn never_merges_distinct_places() {
    let mut ix = index();
    ix.add(1, "Arménie", EntityKind::Country);
    ix.add(2, "Goris", EntityKind::Place);
    ix.add_context(2, &ctx("Arménie"));
    assert_eq!(ix.resolve("Azerbaïdjan", EntityKind::Country), None);
    assert_eq!(
        ix.resolve_in_context("Gori", EntityKind::Place, &ctx("Arménie")),
        None
    );
}

#[test]
fn fuzzy_needs_kind_and_context() {
    let mut ix = index();
    ix.add(7, "Parukh", EntityKind::Place);
    ix.add_context(7, &ctx("Haut-Karabakh"));
    assert_eq!(ix.resolve("Farukh", EntityKind::Place), None);
    assert_eq!(
        ix.resolve_in_context("Farukh", EntityKind::Person, &ctx("Haut-Karabakh")),
        None
    );
    assert_eq!(
        ix.resolve_in_context("Farukh", EntityKind::Place, &ctx("Crimée")),
        None
    );
    let (id, why) = ix
        .resolve_in_context("Farukh", EntityKind::Place, &ctx("Haut-Karabakh"))
        .unwrap();
    assert_eq!(id, 7);
    assert_eq!(
        why,
        "fuzzy f/p, same kind place, shared context haut-karabakh"
    );
}

#[test]
fn acronyms_alias_table_and_company_suffixes() {
    let mut ix = index();
    ix.add(
        3,
        "Organisation du traité de sécurité collective",
        EntityKind::Organization,
    );
    ix.add(4, "Haut-Karabakh", EntityKind::Place);
    ix.add(5, "Nostress Media", EntityKind::Outlet);
    ix.add(6, "Forces de soutien rapide", EntityKind::Organization);
    assert_eq!(ix.resolve("OTSC", EntityKind::Organization).unwrap().0, 3);
    assert_eq!(
        ix.resolve("FSR", EntityKind::Organization).unwrap(),
        (6, "acronym".to_string())
    );
    assert_eq!(
        ix.resolve("Artsakh", EntityKind::Place).unwrap(),
        (4, "alias table".to_string())
    );
    assert_eq!(ix.resolve("Haut-Karabagh", EntityKind::Place).unwrap().0, 4);
    assert_eq!(
        ix.resolve("Nostress Media Ltd", EntityKind::Outlet)
            .unwrap(),
        (5, "company suffix".to_string())
    );
}

#[test]
fn a_generic_head_alone_never_resolves_across_documents() {
    // "les autorités" is Greek in one article and Malian in another
    let mut ix = index();
    ix.add(1, "gouvernement grec", EntityKind::Organization);
    ix.add(1, "autorités", EntityKind::Organization);
    ix.add(
        2,
        "ministère libanais de la Santé",
        EntityKind::Organization,
    );
    ix.add(2, "ministère de la Santé", EntityKind::Organization);
    assert!(ix.is_generic("les autorités"));
    assert!(ix.is_generic("la mairie"));
    assert!(!ix.is_generic("gouvernement grec"));
    assert_eq!(ix.resolve("autorités", EntityKind::Organization), None);
    assert_eq!(
        ix.resolve("le ministère de la Santé", EntityKind::Organization),
        None
    );
    assert_eq!(
        ix.resolve("Gouvernement grec", EntityKind::Organization)
            .map(|r| r.0),
        Some(1)
    );
}

#[test]
fn acronyms_across_languages_and_written_as_words() {
    // "OIM" / "IOM": one organisation in French and English (alias table)
    let mut ix = index();
    ix.add(1, "OIM", EntityKind::Organization);
    assert_eq!(
        ix.resolve("IOM", EntityKind::Organization).map(|r| r.0),
        Some(1)
    );
    // "Nations unies" / "Nations-unies": a hyphen or a space
    ix.add(2, "ONU", EntityKind::Organization);
    assert_eq!(
        ix.resolve("Nations unies", EntityKind::Organization)
            .map(|r| r.0),
        Some(2)
    );
}

#[test]
fn a_ministry_by_its_nationality_alone_stays_in_its_document() {
    // "le ministère russe" is the Defence in one article, Foreign Affairs in
    // another; "La Défense russe" names one ministry everywhere
    let mut ix = index();
    ix.add(1, "ministère russe de la Défense", EntityKind::Organization);
    ix.add(1, "ministère russe", EntityKind::Organization);
    ix.add(1, "Défense russe", EntityKind::Organization);
    assert!(ix.is_generic("le ministère russe"));
    assert!(!ix.is_generic("ministère russe de la Défense"));
    assert_eq!(
        ix.resolve("ministère russe", EntityKind::Organization),
        None
    );
    assert_eq!(
        ix.resolve("Défense russe", EntityKind::Organization)
            .map(|r| r.0),
        Some(1)
    );
}

#[test]
fn russian_and_ukrainian_spellings_of_one_town_merge() {
    let mut ix = index();
    ix.add(1, "Makiivka", EntityKind::Place);
    assert_eq!(
        ix.resolve("Makeïevka", EntityKind::Place).map(|r| r.0),
        Some(1)
    );
    assert_eq!(
        ix.resolve("Makiïvka", EntityKind::Place).map(|r| r.0),
        Some(1)
    );
}
