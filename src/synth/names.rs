//! Names for the synthetic world (fictional countries, generated place names,
//! ministries, outlets, agencies) and the small deterministic random source
//! that picks among them.

/// SplitMix64: a tiny, well-mixed, seedable generator — enough for a
/// reproducible corpus, no dependency needed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi.saturating_sub(lo) + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// The names a synthetic world is made of.
#[derive(Debug)]
pub struct Names {
    /// (name, adjective, masculine plural, feminine plural).
    pub countries: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// Countries named with "le" ("le Mali"); the others take "la" or "l'".
    pub masculine: &'static [&'static str],
    pub observers: &'static [&'static str],
}

/// A fictional world: names no lexicon knows (the extractor finds the
/// speakers by their shape only, and not the sides of what is counted).
pub static FICTIONAL: Names = Names {
    countries: COUNTRIES,
    masculine: &[],
    observers: OBSERVERS,
};

/// Real countries, as the extractor's lexicon knows them with their
/// adjectives ("soldats ukrainiens" counts soldiers of Ukraine), so that
/// generated coverage goes through the real extractor the way articles do:
/// the speakers, sides and figures it recognises are those planted.
pub static REAL: Names = Names {
    countries: &[
        ("Ukraine", "ukrainien", "ukrainiens", "ukrainiennes"),
        ("Russie", "russe", "russes", "russes"),
        ("Mali", "malien", "maliens", "maliennes"),
        ("Soudan", "soudanais", "soudanais", "soudanaises"),
        ("Syrie", "syrien", "syriens", "syriennes"),
        ("Éthiopie", "éthiopien", "éthiopiens", "éthiopiennes"),
    ],
    masculine: &["Mali", "Soudan"],
    observers: &[
        "Observatoire des conflits",
        "Comité international de secours",
        "ONU",
    ],
};

/// Fictional countries: (name, adjective, masculine plural, feminine
/// plural).
pub const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("Valdorie", "valdorien", "valdoriens", "valdoriennes"),
    ("Ostrande", "ostrandais", "ostrandais", "ostrandaises"),
    ("Meravie", "meravien", "meraviens", "meraviennes"),
    ("Kestanie", "kestanien", "kestaniens", "kestaniennes"),
    ("Borlande", "borlandais", "borlandais", "borlandaises"),
    ("Sarvenie", "sarvenien", "sarveniens", "sarveniennes"),
];

/// Outlets that publish the articles.
pub const OUTLETS: &[&str] = &[
    "Le Courrier du Sud",
    "Radio Horizon",
    "La Dépêche de l'Est",
    "Le Veilleur",
    "Info Continent",
    "La Gazette des Frontières",
    "Le Quotidien du Plateau",
    "Écho du Matin",
    "Le Signal",
    "Tribune des Vallées",
];

/// Agencies cited in between ("selon l'agence ...").
pub const AGENCIES: &[&str] = &["Agence Nordpresse", "Presse Internationale Associée"];

/// Observers that speak for no side.
pub const OBSERVERS: &[&str] = &[
    "Observatoire des conflits",
    "Comité international de secours",
    "mission d'observation régionale",
];

const ONSETS: &[&str] = &[
    "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ou", "ai"];
const CODAS: &[&str] = &["", "n", "r", "l", "sk", "v", "z", "m"];

/// A place name for index `i`, distinct for distinct `i` (a short
/// syllable string, capitalised: "Kravelon", "Tazim").
pub fn place(i: usize) -> String {
    let space = (ONSETS.len() * VOWELS.len()).pow(3) * CODAS.len();
    // A fixed permutation of the syllable space (7919 is prime to its size),
    // so that neighbouring indices do not give near-identical names.
    let mut n = ((i % space) * 7919 + 104_729) % space + (i / space) * space;
    let mut out = String::new();
    for _ in 0..3 {
        out.push_str(ONSETS[n % ONSETS.len()]);
        n /= ONSETS.len();
        out.push_str(VOWELS[n % VOWELS.len()]);
        n /= VOWELS.len();
    }
    out.push_str(CODAS[n % CODAS.len()]);
    n /= CODAS.len();
    // Beyond the syllable space, a numeral keeps names distinct.
    if n > 0 {
        out.push_str(&format!("-{n}"));
    }
    capitalise(&out)
}

/// The text with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "12 mars 2021".
pub fn french_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MOIS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if d.day() == 1 {
        "1er".to_string()
    } else {
        d.day().to_string()
    };
    format!("{day} {} {}", MOIS[d.month0() as usize % 12], d.year())
}

/// "6 500": French digit grouping.
pub fn french_number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_distinct() {
        let names: std::collections::HashSet<String> = (0..20_000).map(place).collect();
        assert_eq!(names.len(), 20_000);
    }

    #[test]
    fn rng_is_deterministic() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let mut r = Rng::new(7);
        assert_eq!(a, (0..4).map(|_| r.next_u64()).collect::<Vec<_>>());
        assert!((0..1000).all(|_| r.below(6) < 6));
    }

    #[test]
    fn french_formats() {
        assert_eq!(french_number(6500), "6 500");
        assert_eq!(french_number(135), "135");
        assert_eq!(french_number(1_000_000), "1 000 000");
        let d = chrono::NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
        assert_eq!(french_date(d), "2 mars 2021");
    }
}
