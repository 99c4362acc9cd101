//! Rendering DOT into a picture with GraphViz's `dot` program, when it is
//! installed. claimgraph does not lay graphs out itself: `dot` does that
//! well, and a missing `dot` is reported with what to install.

use crate::error::{Error, Result};
use std::io::Write;
use std::process::{Command, Stdio};

/// Picture formats `--render` can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Image {
    Svg,
    Png,
}

impl Image {
    fn flag(self) -> &'static str {
        match self {
            Image::Svg => "-Tsvg",
            Image::Png => "-Tpng",
        }
    }
}

/// The program run to render.
pub const DOT_PROGRAM: &str = "dot";

/// Render `dot` text to `image` bytes with GraphViz. A missing `dot` is a
/// usage error (exit 2: the request cannot be met on this machine), with
/// what to install; `dot` refusing the text is an input error (exit 3).
pub fn render(dot: &str, image: Image) -> Result<Vec<u8>> {
    let mut child = Command::new(DOT_PROGRAM)
        .arg(image.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::Usage(format!(
                "drawing an SVG or PNG picture needs the GraphViz `{DOT_PROGRAM}` program, which \
                 is not installed (not found on PATH); install GraphViz (Debian/Ubuntu: `apt \
                 install graphviz`, macOS: `brew install graphviz`), or write DOT (.dot) and \
                 render it elsewhere"
            )),
            _ => Error::Io {
                path: DOT_PROGRAM.into(),
                source: e,
            },
        })?;
    // Feed stdin from another thread, so that a large picture on stdout
    // cannot block `dot` while it waits for us to read.
    let stdin = child.stdin.take();
    let text = dot.to_string();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        match stdin {
            Some(mut s) => s.write_all(text.as_bytes()),
            None => Ok(()),
        }
    });
    let output = child.wait_with_output().map_err(|source| Error::Io {
        path: DOT_PROGRAM.into(),
        source,
    })?;
    let written = writer.join().unwrap_or(Ok(()));
    if !output.status.success() {
        return Err(Error::Input {
            location: DOT_PROGRAM.to_string(),
            message: format!(
                "GraphViz failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        });
    }
    written.map_err(|source| Error::Io {
        path: DOT_PROGRAM.into(),
        source,
    })?;
    Ok(output.stdout)
}
