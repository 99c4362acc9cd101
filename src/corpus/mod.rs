//! Loading articles: files, folders, JSON Lines and standard input; decoding,
//! metadata (sidecar or inferred from the text) and cleaning.
