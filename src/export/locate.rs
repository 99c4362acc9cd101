//! Where a record sits in a JSON text: the line and column of
//! `documents[3]` or `claims[17]`, so that an error found after parsing (a
//! broken reference, a span outside its text) names a place in the file as
//! a syntax error does.
//!
//! The text has already been parsed by serde_json, so this scanner only
//! walks valid JSON; on anything unexpected it gives up and returns `None`.

/// 1-based line and column (in characters) of element `index` of the
/// top-level list `key`.
pub fn record(text: &[u8], key: &str, index: usize) -> Option<(usize, usize)> {
    let mut i = skip_ws(text, 0);
    if text.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(text, i);
        match text.get(i)? {
            b'}' => return None,
            b',' => {
                i += 1;
                continue;
            }
            b'"' => {}
            _ => return None,
        }
        let end = skip_string(text, i)?;
        let name = text.get(i + 1..end - 1)?;
        i = skip_ws(text, end);
        if text.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(text, i + 1);
        if name == key.as_bytes() {
            return element(text, i, index).map(|at| line_column(text, at));
        }
        i = skip_value(text, i)?;
    }
}

/// The offset of element `index` of the array starting at `i`.
fn element(text: &[u8], mut i: usize, index: usize) -> Option<usize> {
    if text.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut n = 0;
    loop {
        i = skip_ws(text, i);
        match text.get(i)? {
            b']' => return None,
            b',' => {
                i += 1;
                continue;
            }
            _ if n == index => return Some(i),
            _ => {
                i = skip_value(text, i)?;
                n += 1;
            }
        }
    }
}

fn skip_ws(text: &[u8], mut i: usize) -> usize {
    while text.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The offset just past the string starting at `i` (its opening quote).
fn skip_string(text: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match text.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The offset just past the value starting at `i`.
fn skip_value(text: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0usize;
    loop {
        match text.get(i) {
            Some(b'"') => i = skip_string(text, i)?,
            Some(b'{' | b'[') => {
                depth += 1;
                i += 1;
            }
            Some(b'}' | b']') if depth > 0 => {
                depth -= 1;
                i += 1;
            }
            Some(b',' | b'}' | b']') | None if depth == 0 => return Some(i),
            Some(_) => i += 1,
            None => return None,
        }
        if depth == 0
            && text
                .get(i - 1)
                .is_some_and(|b| matches!(b, b'"' | b'}' | b']'))
        {
            return Some(i);
        }
    }
}

fn line_column(text: &[u8], at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_records_past_nested_values_and_strings() {
        let text = br#"{"format": "x", "documents": [{"text": "a ] } \" ,"}],
  "claims": [
    {"id": 1, "via": [1, 2]},
    {"id": 2}
  ]}"#;
        assert_eq!(record(text, "claims", 0), Some((3, 5)));
        assert_eq!(record(text, "claims", 1), Some((4, 5)));
        assert_eq!(record(text, "documents", 0), Some((1, 31)));
        assert_eq!(record(text, "claims", 2), None);
        assert_eq!(record(text, "events", 0), None);
        assert_eq!(record(b"[1]", "claims", 0), None);
    }
}
